package dev.cuddlies.server;

import com.amazon.ask.model.Intent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuddlies.config.AppConfig;
import dev.cuddlies.config.Services;
import dev.cuddlies.config.SwitchSettings;
import dev.cuddlies.devices.SimulatedSonoffTh;
import dev.cuddlies.devices.SonoffSimServer;
import dev.cuddlies.fixtures.TestPictures;
import dev.cuddlies.maker.UserKeys;
import dev.cuddlies.skill.AnswerLength;
import dev.cuddlies.skill.CuddliesSkill;
import dev.cuddlies.skill.SizeAsk;
import dev.cuddlies.skill.SizeSlots;
import dev.cuddlies.web.MultipartBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end with a real third-party Alexa simulator: the npm package virtual-alexa drives the
 * self-hosted skill server (local mode, loopback) with the project's own interaction models, local
 * storage and a simulated Sonoff TH on its LAN API.
 */
class VirtualAlexaEndToEndTest {

    private static final String USER = "amzn1.ask.account.VIRTUALALEXAE2E";
    private static final Path HELD_OUT = Path.of("src", "test", "resources", "heldout");
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @TempDir
    Path data;

    private SonoffSimServer heater;
    private Services services;
    private AppConfig config;
    private SkillServer server;

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(VirtualAlexa.available(), "virtual-alexa not installed (npm install --prefix .tools)");
        heater = new SonoffSimServer(new SimulatedSonoffTh(Clock.systemUTC(), 21));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        // The skill and the local phone page on one server, as `skill-server` runs them at home.
        config = AppConfig.local(data).withSwitches(new SwitchSettings.Lan(heater.endpoint(), SonoffSimServer.DEVICE_ID))
                .withWebUrl(URI.create("http://127.0.0.1:" + port + "/go"));
        services = Services.create(config, Clock.systemUTC());
        LocalWeb web = new LocalWeb(Services.web(config, services.store(), services.userKeys(), Clock.systemUTC()),
                services.store(), services.userKeys(), Optional.of(data), Clock.systemUTC());
        server = SkillServer.start("127.0.0.1", port, Optional.of(CuddliesSkill.build(config, services, Clock.systemUTC())),
                Optional.empty(), Optional.of(data), Optional.of(web));
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (heater != null) {
            heater.close();
        }
    }

    /**
     * The held-out parent phrasings (written before the samples, never copied into them) reach the right
     * intent with the right meaning. The private lists (private-*.tsv, and private-2/ written before the
     * second round of tuning) were not looked at while tuning: their figure is printed as the honest
     * estimate, and asserted only loosely.
     */
    @Test
    void heldOutPhrasingsReachTheRightIntentWithTheRightMeaning() throws Exception {
        Map<String, Double> scores = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        for (Path list : heldOutLists()) {
            String name = HELD_OUT.relativize(list).toString().replace(".tsv", "");
            String locale = list.getFileName().toString().replace("private-", "").replace(".tsv", "");
            List<String> lines = Files.readAllLines(list).stream().filter(l -> !l.isBlank()).toList();
            int right = 0;
            try (VirtualAlexa alexa = new VirtualAlexa(url(), locale, USER, config.skillId())) {
                for (String line : lines) {
                    String[] f = line.split("\t", -1);
                    alexa.reset();
                    JsonNode answer = alexa.utter(f[0]);
                    Map<String, String> expected = expected(f[1], f[2]);
                    Map<String, String> understood = understood(answer);
                    if (expected.equals(understood)) {
                        right++;
                    } else {
                        misses.add(name + ": \"" + f[0] + "\" wanted " + expected + ", got " + understood);
                    }
                }
            }
            scores.put(name + " (" + lines.size() + ")", 100.0 * right / lines.size());
        }
        System.out.println("held-out phrasings understood, % per list: " + scores);
        misses.forEach(m -> System.out.println("  miss " + m));
        assertThat(scores).hasSize(6);
        scores.forEach((list, percent) -> assertThat(percent).as(list + " (misses printed above)")
                .isGreaterThanOrEqualTo(list.startsWith("private") ? 75.0 : 90.0));
    }

    @Test
    void aConversationFromOpeningToStopWarming() throws Exception {
        // A deployed skill is warm (SnapStart); on this shared machine a cold first trace can outlast Alexa's 8 s.
        services.outlines().trace(TestPictures.bearPng(), Duration.ofMinutes(1));
        try (VirtualAlexa alexa = new VirtualAlexa(url(), "en-US", USER, config.skillId())) {
            List<String> said = new ArrayList<>();
            said.add(speech(alexa.launch()));
            assertThat(said.get(0)).contains("Welcome to Cuddlies");

            // No picture yet: the phone page's address and a code, in two sentences.
            JsonNode noPicture = alexa.utter("make a cuddly toy");
            said.add(speech(noPicture));
            Matcher code = SPOKEN_CODE.matcher(speech(noPicture));
            assertThat(code.find()).as(speech(noPicture)).isTrue();
            assertThat(speech(noPicture)).contains("I don't have a picture from you yet. On your phone, open 127 dot 0 dot 0 dot 1");
            assertThat(AnswerLength.of(speech(noPicture)).sentences()).isEqualTo(2);

            // The phone, as the page does it: pair with the code, ask for an upload form, post the picture.
            String cookie = phone.pair(code.group(1).replace(" ", ""));
            phone.upload(cookie, TestPictures.bearPng());
            Path uploads = data.resolve(UserKeys.uploadsPrefix(services.userKeys().of(USER)));
            assertThat(uploads).isNotEmptyDirectory();

            JsonNode made = alexa.utter("make a cuddly toy from my picture");
            said.add(speech(made));
            assertThat(speech(made)).contains("Your 12 inch pattern").endsWith("Want a different size?</speak>");
            assertThat(made.path("shouldEndSession").asBoolean()).isFalse();
            assertThat(uploads).doesNotExist();

            JsonNode bigger = alexa.utter("make it bigger");
            said.add(speech(bigger));
            assertThat(bigger.at("/sent/intent").asText()).isEqualTo("ResizePatternIntent");
            assertThat(speech(bigger)).contains("Your 18 inch pattern").endsWith("Want a different size?</speak>");
            assertThat(patterns()).hasSize(2);

            JsonNode yes = alexa.utter("yes");
            said.add(speech(yes));
            assertThat(speech(yes)).contains("Bigger, smaller, or a size like 12 inches?");
            assertThat(yes.path("directives").toString()).contains("Dialog.ElicitSlot");

            JsonNode warm = alexa.utter("warm it up");
            said.add(speech(warm));
            assertThat(speech(warm)).contains("Warming your toy to 95 degrees for 30 minutes").contains("turns itself off");
            assertThat(heater.device().relayOn()).isTrue();

            JsonNode status = alexa.utter("is it warm yet");
            said.add(speech(status));
            assertThat(status.at("/sent/intent").asText()).isEqualTo("WarmthStatusIntent");
            assertThat(speech(status)).contains("warming at up to 95 degrees");

            JsonNode stop = alexa.utter("stop");
            said.add(speech(stop));
            assertThat(speech(stop)).contains("still warming").contains("stop warming");
            assertThat(heater.device().relayOn()).isTrue();

            JsonNode stopWarming = alexa.utter("stop warming");
            said.add(speech(stopWarming));
            assertThat(speech(stopWarming)).contains("the heater is off");
            assertThat(heater.device().relayOn()).isFalse();

            said.forEach(s -> System.out.println("  Alexa: " + AnswerLength.of(s).text()));
            said.forEach(s -> AnswerLength.of(s).assertShort());
        }
    }

    /** The lists: public and first private ones in the folder, the second private ones in private-2/. */
    static List<Path> heldOutLists() throws Exception {
        List<Path> out = new ArrayList<>();
        for (Path dir : List.of(HELD_OUT, HELD_OUT.resolve("private-2"))) {
            try (Stream<Path> lists = Files.list(dir)) {
                lists.filter(p -> p.toString().endsWith(".tsv")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    /** What the test list expects, as the same keys {@link #understood} gives. */
    private static Map<String, String> expected(String intent, String pairs) {
        Map<String, String> m = new TreeMap<>();
        m.put("intent", intent);
        for (String pair : pairs.trim().split("\\s+")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=", 2);
                m.put(kv[0], kv[0].equals("lengthMm") || kv[0].equals("number") || kv[0].equals("degrees")
                        ? round(Double.parseDouble(kv[1])) : kv[1]);
            }
        }
        return m;
    }

    /** What the skill understands from the request virtual-alexa sent: the skill's own slot reading. */
    private static Map<String, String> understood(JsonNode answer) throws Exception {
        Map<String, String> m = new TreeMap<>();
        if (!answer.path("matched").asBoolean()) {
            m.put("intent", "AMAZON.FallbackIntent");
            return m;
        }
        JsonNode sent = answer.path("sent");
        m.put("intent", sent.path("intent").asText());
        Intent intent = JSON.treeToValue(JSON.createObjectNode().put("name", sent.path("intent").asText())
                .set("slots", sent.path("slots")), Intent.class);
        SizeAsk ask = SizeSlots.read(intent);
        ask.size().ifPresent(s -> m.put("size", s.name()));
        ask.lengthMm().ifPresent(mm -> m.put("lengthMm", round(mm)));
        ask.numberWithoutUnit().ifPresent(n -> m.put("number", round(n)));
        ask.change().ifPresent(c -> m.put("change", c.name()));
        ask.paper().ifPresent(p -> m.put("paper", p.name()));
        String temperature = sent.at("/slots/temperature/value").asText("");
        if (!temperature.isEmpty()) {
            m.put("degrees", temperature.equals("?") ? "?" : round(Double.parseDouble(temperature)));
        }
        String duration = sent.at("/slots/duration/value").asText("");
        if (!duration.isEmpty()) {
            m.put("minutes", duration.equals("?") ? "?" : String.valueOf(Duration.parse(duration).toMinutes()));
        }
        return m;
    }

    /** Millimetres to the nearest whole one (the lists give 304.8 for a foot; 1 mm tolerance). */
    private static String round(double v) {
        return String.valueOf(Math.round(v));
    }

    private List<Path> patterns() throws Exception {
        try (Stream<Path> s = Files.list(data.resolve(UserKeys.patternsPrefix(services.userKeys().of(USER))))) {
            return s.toList();
        }
    }

    private String url() {
        return "http://127.0.0.1:" + server.port() + "/alexa";
    }

    private static final Pattern SPOKEN_CODE = Pattern.compile("enter the code ((?:\\d ){5}\\d)\\.");

    /** The phone page's calls, made as app.js makes them, against the local server. */
    private final Phone phone = new Phone();

    private final class Phone {
        private final HttpClient http = HttpClient.newHttpClient();

        /** Redeems the spoken code; the session cookie the page would keep. */
        String pair(String code) throws Exception {
            HttpResponse<String> r = json("/api/pair", "{\"code\":\"" + code + "\"}", null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return r.headers().firstValue("set-cookie").orElseThrow().split(";")[0];
        }

        void upload(String cookie, byte[] png) throws Exception {
            HttpResponse<String> r = json("/api/uploads", "{\"type\":\"image/png\"}", cookie);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode form = JSON.readTree(r.body());
            Map<String, String> fields = new LinkedHashMap<>();
            form.path("fields").fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue().asText()));
            fields.put("Content-Type", "image/png");
            MultipartBody body = MultipartBody.of(fields, "image/png", png);
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(form.path("action").asText()))
                    .header("Content-Type", body.contentType()).POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(204);
        }

        private HttpResponse<String> json(String path, String body, String cookie) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            if (cookie != null) {
                b.header("Cookie", cookie);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String speech(JsonNode answer) {
        return answer.path("speech").asText();
    }
}
