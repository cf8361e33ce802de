package dev.cuddlies.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuddlies.fixtures.TestPictures;
import dev.cuddlies.config.AppConfig;
import dev.cuddlies.config.Services;
import dev.cuddlies.maker.UserKeys;
import dev.cuddlies.skill.CuddliesSkill;
import dev.cuddlies.devices.SimulatedSonoffTh;
import dev.cuddlies.devices.SonoffSimServer;
import dev.cuddlies.config.SwitchSettings;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end with a real third-party Alexa simulator: the npm package virtual-alexa drives the
 * self-hosted skill server (local mode, loopback) with the project's own en-US interaction model,
 * a picture in local storage and a simulated Sonoff TH on its LAN API.
 */
class VirtualAlexaEndToEndTest {

    private static final String USER = "amzn1.ask.account.VIRTUALALEXAE2E";

    @TempDir
    Path data;

    @Test
    void launchMakeACuddlieWarmItUpAskHowWarmAndStop() throws Exception {
        Optional<Path> modules = nodeModules();
        if (modules.isEmpty() && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("virtual-alexa is not installed: .ci/run must install it under .tools/");
        }
        Assumptions.assumeTrue(modules.isPresent(), "virtual-alexa not installed (npm install --prefix .tools)");

        try (SonoffSimServer heater = new SonoffSimServer(new SimulatedSonoffTh(Clock.systemUTC(), 21))) {
            AppConfig config = AppConfig.local(data)
                    .withSwitches(new SwitchSettings.Lan(heater.endpoint(), SonoffSimServer.DEVICE_ID));
            Services services = Services.create(config, Clock.systemUTC());
            Path picture = data.resolve(UserKeys.uploadsPrefix(services.userKeys().of(USER)) + "bear.png");
            Files.createDirectories(picture.getParent());
            Files.write(picture, TestPictures.bearPng());

            try (SkillServer server = SkillServer.start("127.0.0.1", 0,
                    CuddliesSkill.build(config, services, Clock.systemUTC()), Optional.empty(), Optional.of(data))) {
                ProcessBuilder pb = new ProcessBuilder("node", Path.of("src/test/node/virtual-alexa-e2e.js").toString(),
                        "http://127.0.0.1:" + server.port() + "/alexa",
                        Path.of("..", "skill-package", "interactionModels", "custom", "en-US.json").toString(),
                        USER, config.skillId())
                        .redirectError(ProcessBuilder.Redirect.INHERIT);
                pb.environment().put("NODE_PATH", modules.get().toString());
                Process node = pb.start();
                String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(node.exitValue()).as(out).isZero();

                JsonNode answers = new ObjectMapper().readTree(out.lines().reduce((a, b) -> b).orElseThrow());
                assertThat(speech(answers, 0)).contains("Welcome to Cuddlie Maker");
                assertThat(speech(answers, 1)).contains("Done! I made a 12 inch pattern with a front, a back and a turning gap");
                assertThat(speech(answers, 2)).contains("Warming your cuddlie to 36 degrees Celsius for 30 minutes")
                        .contains("switches itself off");
                assertThat(speech(answers, 3)).contains("warming at up to 36 degrees Celsius").contains("It's 21");
                assertThat(speech(answers, 4)).contains("the heater is off");
                assertThat(speech(answers, 5)).contains("Goodbye");
                assertThat(picture).doesNotExist();
                assertThat(heater.device().relayOn()).isFalse();
            }
        }
    }

    private static String speech(JsonNode answers, int i) {
        return answers.get(i).path("speech").asText();
    }

    /** NODE_PATH for the tools .ci/run installs under .tools/. */
    private static Optional<Path> nodeModules() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve(".tools/node_modules/virtual-alexa"))) {
                return Optional.of(dir.resolve(".tools/node_modules"));
            }
        }
        return Optional.empty();
    }
}
