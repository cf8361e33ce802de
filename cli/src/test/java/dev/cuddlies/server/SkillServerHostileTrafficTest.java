package dev.cuddlies.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuddlies.cli.CuddliesCli;
import dev.cuddlies.config.AppConfig;
import dev.cuddlies.fixtures.ForkedJvm;
import dev.cuddlies.fixtures.PingWatch;
import dev.cuddlies.fixtures.SlowClient;
import dev.cuddlies.skill.SkillHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, finding 2 on the self-hosted skill server: 12 slow bodies stalled its fixed pool of 12.
 * The server runs as its own process (256 MB heap, read timeout shortened to 2 s), in its loopback
 * test mode; {@code /health} is asked every 100 ms and must answer within 1 s, and a real launch
 * request must be answered while the slow clients hold their connections.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SkillServerHostileTrafficTest {

    private static final int READ_TIMEOUT_S = 2;
    private static final int CUT_SLACK_S = 3;

    @TempDir
    static Path data;

    private ForkedJvm server;
    private PingWatch health;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    void start() throws Exception {
        Path config = data.resolve("skill.properties");
        Files.writeString(config, "CUDDLIES_HOME=" + data.resolve("home").toString().replace("\\", "/") + "\n");
        server = ForkedJvm.start(256, CuddliesCli.class.getName(), "skill-server", "--host", "127.0.0.1", "--port", "0",
                "--no-verify", "--config", config.toString(), "--read-timeout", String.valueOf(READ_TIMEOUT_S));
        assertLaunchIsAnswered(); // the skill's first answer loads and compiles much: not an attack's doing
        health = new PingWatch(URI.create("http://127.0.0.1:" + server.port() + "/health"));
    }

    @BeforeEach
    void countAfresh() {
        health.reset();
    }

    @AfterEach
    void stayedUpAndHealthy(TestInfo test) throws Exception {
        System.out.printf("%s: %d health checks, slowest %d ms%n", test.getDisplayName(), health.answered(),
                health.slowestMillis());
        assertThat(server.isAlive()).isTrue();
        assertThat(health.failures()).as("/health answered within 1 s every time").isEmpty();
        assertLaunchIsAnswered();
    }

    @AfterAll
    void stop() throws Exception {
        health.close();
        server.close();
    }

    @Test
    void sixteenSlowBodiesNeitherStallTheServerNorStayConnected() throws Exception {
        List<SlowClient> slow = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            slow.add(new SlowClient(server.port()).send("POST /alexa HTTP/1.1\r\nHost: x\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 4000\r\n\r\n{"));
        }
        CompletableFuture<Void> drip = CompletableFuture.runAsync(() -> dripUntilCut(slow));

        assertLaunchIsAnswered();
        drip.get(READ_TIMEOUT_S + CUT_SLACK_S + 10, java.util.concurrent.TimeUnit.SECONDS);
        for (SlowClient c : slow) {
            assertThat(c.ageSeconds()).as("cut at the read timeout").isLessThan(READ_TIMEOUT_S + CUT_SLACK_S);
            c.close();
        }
    }

    @Test
    void thirtyTwoSlowHeadersNeitherStopHealthNorStayConnected() throws Exception {
        List<SlowClient> slow = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            slow.add(new SlowClient(server.port()).send("POST /alexa HTTP/1.1\r\nHost: x\r\nX-Slow: "));
        }
        CompletableFuture<Void> drip = CompletableFuture.runAsync(() -> dripUntilCut(slow));

        assertLaunchIsAnswered();
        drip.get(READ_TIMEOUT_S + CUT_SLACK_S + 10, java.util.concurrent.TimeUnit.SECONDS);
        for (SlowClient c : slow) {
            assertThat(c.ageSeconds()).as("cut at the read timeout").isLessThan(READ_TIMEOUT_S + CUT_SLACK_S);
            c.close();
        }
    }

    private void assertLaunchIsAnswered() throws Exception {
        ObjectNode e = SkillHarness.fixture("launch");
        ((ObjectNode) e.path("request")).put("timestamp", Instant.now().toString());
        ((ObjectNode) e.path("context").path("System").path("application")).put("applicationId", AppConfig.LOCAL_SKILL_ID);
        ((ObjectNode) e.path("session").path("application")).put("applicationId", AppConfig.LOCAL_SKILL_ID);
        ((ObjectNode) e.path("context").path("System")).remove("apiEndpoint");
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/alexa"))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(e.toString()))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("outputSpeech");
    }

    private static void dripUntilCut(List<SlowClient> clients) {
        List<SlowClient> open = new ArrayList<>(clients);
        while (!open.isEmpty()) {
            open.removeIf(c -> !c.drip(' '));
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
