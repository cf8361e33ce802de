package dev.cuddlies.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cuddlies.aws.CuddliesStreamHandler;
import dev.cuddlies.config.AppConfig;
import dev.cuddlies.config.Services;
import dev.cuddlies.maker.UserKeys;
import dev.cuddlies.server.LocalWeb;
import dev.cuddlies.server.SkillServer;
import dev.cuddlies.simulator.SkillSimulator;
import dev.cuddlies.simulator.UtteranceMatcher;
import dev.cuddlies.skill.CuddliesSkill;
import dev.cuddlies.storage.BlobStore;
import dev.cuddlies.warmth.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The phone page end to end in a real browser: Debian's Chromium, headless, driven by playwright-core
 * at a phone's size (390×844), against the local server with local storage, while the skill answers
 * through the same stream handler Lambda calls. The browser gets a code from the skill, pairs, is
 * refused on every bad path with a clear message and nothing stored, uploads the example picture,
 * sees the pattern made by the skill with a working PDF link, and deletes everything. axe-core checks
 * the page in the same browser. The browser reaches the server through a loopback proxy that can drop
 * the connection in the middle of an upload. Screenshots of each step go to target/phone-page/.
 */
class PhonePageBrowserTest {

    private static final String USER = "amzn1.ask.account.PHONEPAGEBROWSERTEST";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;
    @TempDir
    Path pictures;

    @Test
    void pairUploadMakeSeeThePatternAndDeleteEverything() throws Exception {
        Tools tools = Tools.require("playwright-core", "axe-core");
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
        int port = freePort();
        int serverPort = freePort();
        AppConfig config = AppConfig.local(data).withWebUrl(URI.create("http://127.0.0.1:" + port + "/go"));
        Services services = Services.create(config, clock);
        BlobStore store = services.store();
        UserKeys keys = services.userKeys();
        SkillSimulator alexa = new SkillSimulator(new CuddliesStreamHandler(CuddliesSkill.build(config, services, clock)),
                UtteranceMatcher.forLocale("en-US"), config.skillId(), USER, "en-US", false);
        writeBadPictures();
        Files.copy(Path.of("..", "examples", "dodo.png"), pictures.resolve("dodo.png"));
        Path shots = Files.createDirectories(Path.of("target", "phone-page"));

        LocalWeb web = new LocalWeb(Services.web(config, store, keys, clock), store, keys, Optional.of(data), clock);
        JsonNode report;
        try (SkillServer server = SkillServer.start("127.0.0.1", serverPort, Optional.empty(), Optional.empty(),
                Optional.of(data), Optional.of(web));
             CuttingProxy network = new CuttingProxy(port, serverPort);
             Control control = new Control(control(alexa, clock, network))) {
            report = browse(tools, config.webUrl().get(), control.http().getAddress().getPort(), shots);
        }

        String userKey = keys.of(USER);
        assertThat(step(report, "wrong-code").path("message").asText()).isEqualTo("That code isn't right. You have 4 tries left.");
        assertThat(step(report, "expired-code").path("message").asText()).startsWith("That code has expired");
        assertThat(step(report, "sixth-try").path("message").asText()).startsWith("Too many tries. For safety, wait");
        assertThat(step(report, "paired").path("message").asText()).isEqualTo("This phone is linked. Now send a picture.");
        assertThat(step(report, "text-file").path("message").asText()).startsWith("That file isn't a picture");
        assertThat(step(report, "forty-megabytes").path("message").asText()).isEqualTo("That file is 40 MB. Please pick a picture under 30 MB.");
        assertThat(step(report, "forty-one-megapixels").path("message").asText()).startsWith("That picture is 42 megapixels.");
        assertThat(step(report, "connection-dropped").path("message").asText()).startsWith("The picture didn't arrive: the connection dropped.");
        for (String bad : List.of("start", "wrong-code", "expired-code", "sixth-try", "paired", "text-file",
                "forty-megabytes", "forty-one-megapixels", "connection-dropped")) {
            assertThat(keys(step(report, bad))).as("stored after " + bad).noneMatch(k -> k.startsWith("uploads/"));
        }
        assertThat(step(report, "uploaded").path("message").asText())
                .isEqualTo("Got it! Now say: \"Alexa, ask cuddly maker to make a cuddly toy.\"");
        assertThat(keys(step(report, "uploaded"))).filteredOn(k -> k.startsWith("uploads/")).singleElement()
                .asString().startsWith(UserKeys.uploadsPrefix(userKey)).endsWith(".png");
        assertThat(keys(step(report, "pattern-listed"))).noneMatch(k -> k.startsWith("uploads/"))
                .anyMatch(k -> k.startsWith(UserKeys.patternsPrefix(userKey)) && k.endsWith("/pattern.pdf"));
        assertThat(report.path("pdf").path("status").asInt()).isEqualTo(200);
        assertThat(report.path("pdf").path("magic").asText()).isEqualTo("%PDF-");
        assertThat(report.path("stuffedImage").path("alt").asText()).contains("stuffed, beside its outline");
        assertThat(report.path("stuffedImage").path("naturalWidth").asInt()).isPositive();
        assertThat(report.path("confirmFocus").asText()).isEqualTo("forget-yes");
        assertThat(step(report, "deleted").path("message").asText()).startsWith("Everything is deleted");
        assertThat(keys(step(report, "deleted"))).noneMatch(k -> k.contains(userKey));
        assertThat(report.path("pairedAfterReload").asBoolean()).isFalse();
        report.path("axe").forEach(a -> assertThat(a.path("violations")).as("axe on " + a.path("name")).isEmpty());
        assertThat(report.path("axe")).hasSize(3);
        assertThat(report.path("steps")).noneMatch(s -> s.path("name").asText().equals("page-error"));

        // What Alexa said along the way: short, with the page's address and a code.
        JsonNode speech = report.path("speech");
        // The pairing answers are two sentences at most (the "Done!" answer's length is issue 14's).
        for (int i = 0; i < 3; i++) {
            assertThat(sentences(speech.get(i).path("speech").asText())).as(speech.get(i).toString()).isLessThanOrEqualTo(2);
        }
        assertThat(speech.get(2).path("speech").asText()).isEqualTo("I don't have a picture from you yet. On your phone, open "
                + "127 dot 0 dot 0 dot 1 colon " + port + " slash go and enter the code "
                + String.join(" ", speech.get(2).path("card").asText().replaceAll("(?s).*the code (\\d{6}).*", "$1").split("")) + ".");
        assertThat(speech.get(3).path("speech").asText()).contains("pattern is in your Alexa app");
        assertThat(speech.get(3).path("card").asText()).contains("Download the PDF and SVG: " + config.webUrl().get());
        try (Stream<Path> files = Files.list(shots)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("01-start.png", "05-paired.png",
                    "10-uploaded.png", "11-pattern-listed.png", "12-deleted.png");
        }
    }

    private JsonNode browse(Tools tools, URI page, int controlPort, Path shots) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("node", "src/test/node/phone-page-e2e.js", page.toString(),
                "http://127.0.0.1:" + controlPort, shots.toString(), pictures.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("NODE_PATH", tools.nodeModules().toString());
        Process node = pb.start();
        String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).as(out).isZero();
        return JSON.readTree(out.lines().reduce((a, b) -> b).orElseThrow());
    }

    /** The control server, stopped with the test. */
    private record Control(HttpServer http) implements AutoCloseable {
        @Override
        public void close() {
            http.stop(0);
        }
    }

    /** The test's side of the conversation: what the node script asks the skill and the clock to do. */
    private HttpServer control(SkillSimulator alexa, MutableClock clock, CuttingProxy network) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        s.createContext("/say", ex -> {
            String text = URLDecoder.decode(ex.getRequestURI().getRawQuery().replaceFirst("^text=", ""), StandardCharsets.UTF_8);
            SkillSimulator.Reply reply = alexa.say(text);
            ObjectNode out = JSON.createObjectNode().put("speech", reply.speech()).put("card", reply.cardText());
            reply(ex, out);
        });
        s.createContext("/advance", ex -> {
            clock.advance(Duration.ofMinutes(Long.parseLong(ex.getRequestURI().getQuery().replaceFirst("^minutes=", ""))));
            reply(ex, JSON.createObjectNode().put("now", clock.instant().toString()));
        });
        s.createContext("/cut-uploads", ex -> {
            boolean cut = ex.getRequestURI().getQuery().equals("on=true");
            network.cutUploads(cut);
            reply(ex, JSON.createObjectNode().put("cutting", cut));
        });
        s.createContext("/stored", ex -> {
            ObjectNode out = JSON.createObjectNode();
            ArrayNode keys = out.putArray("keys");
            try (Stream<Path> files = Files.walk(data)) {
                files.filter(Files::isRegularFile).map(p -> data.relativize(p).toString())
                        .filter(k -> !k.startsWith(".")).sorted().forEach(keys::add);
            }
            reply(ex, out);
        });
        s.start();
        return s;
    }

    private static void reply(HttpExchange ex, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A text file named .png, a 40 MB file, and a 41.6-megapixel picture. */
    private void writeBadPictures() throws IOException {
        Files.writeString(pictures.resolve("notes.png"), "shopping list: wool, stuffing, buttons\n");
        byte[] big = new byte[40 * 1024 * 1024];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        Files.write(pictures.resolve("forty-megabytes.jpg"), big);
        ImageIO.write(new BufferedImage(8000, 5200, BufferedImage.TYPE_BYTE_BINARY), "png",
                pictures.resolve("forty-one-megapixels.png").toFile());
    }

    private static JsonNode step(JsonNode report, String name) {
        for (JsonNode s : report.path("steps")) {
            if (s.path("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no step " + name + " in " + report);
    }

    private static List<String> keys(JsonNode step) {
        List<String> out = new ArrayList<>();
        step.path("stored").forEach(k -> out.add(k.asText()));
        return out;
    }

    private static int sentences(String speech) {
        return speech.split("(?<=[.!?])\\s+").length;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
