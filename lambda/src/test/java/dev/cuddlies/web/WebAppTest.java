package dev.cuddlies.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuddlies.aws.WebFunctionHandler;
import dev.cuddlies.maker.UserKeys;
import dev.cuddlies.storage.LocalBlobStore;
import dev.cuddlies.warmth.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The web function's API through its Lambda entry point, with Function URL events as AWS sends them. */
class WebAppTest {

    private static final String ALEXA_USER = "amzn1.ask.account.WEBAPPTESTUSERIDNOTTOBESHOWN";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private MutableClock clock;
    private PairingCodes codes;
    private WebFunctionHandler function;
    private String userKey;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
        LocalBlobStore store = new LocalBlobStore(data, Optional.of(URI.create("https://cuddlies.example.test/files/")));
        UserKeys keys = new UserKeys("a secret of at least sixteen bytes".getBytes(StandardCharsets.UTF_8));
        codes = new PairingCodes(store, keys, clock);
        PostPolicy forms = new PostPolicy(URI.create("https://pics.s3.eu-west-1.amazonaws.com/"), "pics", "eu-west-1",
                () -> new PostPolicy.Signer("AKID", "secret", Optional.empty()), 15 * 1024 * 1024, clock);
        function = new WebFunctionHandler(new WebApp(codes, new Sessions(keys, true), forms, new PatternLibrary(store),
                WebAssets.load(), clock));
        userKey = keys.of(ALEXA_USER);
    }

    @Test
    void thePageIsServedWithAStrictContentSecurityPolicy() throws Exception {
        JsonNode r = call("GET", "/go", null, null);

        assertThat(r.path("statusCode").asInt()).isEqualTo(200);
        assertThat(r.path("headers").path("Content-Type").asText()).startsWith("text/html");
        assertThat(r.path("headers").path("Content-Security-Policy").asText())
                .contains("script-src 'self'", "connect-src 'self' https://pics.s3.eu-west-1.amazonaws.com", "frame-ancestors 'none'");
        assertThat(body(r)).contains("<label for=\"code\">Code from Alexa</label>");
        assertThat(call("GET", "/app.js", null, null).path("statusCode").asInt()).isEqualTo(200);
        assertThat(call("GET", "/../secret", null, null).path("statusCode").asInt()).isEqualTo(404);
    }

    @Test
    void pairingSetsASignedHttpOnlyCookieAndNothingCarriesTheAlexaUserId() throws Exception {
        String code = codes.issue(userKey).code();

        JsonNode r = call("POST", "/api/pair", "{\"code\":\"" + code + "\"}", null);

        assertThat(r.path("statusCode").asInt()).isEqualTo(200);
        String cookie = r.path("cookies").get(0).asText();
        assertThat(cookie).startsWith(Sessions.COOKIE + "=" + userKey + ".").contains("HttpOnly", "SameSite=Strict", "Secure",
                "Max-Age=" + Duration.ofDays(30).toSeconds());
        String session = cookie.substring(0, cookie.indexOf(';'));
        JsonNode form = call("POST", "/api/uploads", "{\"type\":\"image/png\"}", session);
        assertThat(form.path("statusCode").asInt()).isEqualTo(200);
        JsonNode fields = JSON.readTree(body(form)).path("fields");
        assertThat(fields.path("key").asText()).matches("uploads/" + userKey + "/20261130-100000-[0-9a-f]{8}\\.png");
        assertThat(JSON.readTree(body(form)).path("action").asText()).isEqualTo("https://pics.s3.eu-west-1.amazonaws.com/");
        assertThat(r.toString() + form + call("GET", "/api/session", null, session)).doesNotContain(ALEXA_USER);
    }

    @Test
    void wrongExpiredAndTooManyTriesAreTypedAnswers() throws Exception {
        String code = codes.issue(userKey).code();
        String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);

        assertThat(body(call("POST", "/api/pair", "{\"code\":\"" + wrong + "\"}", null)))
                .isEqualTo("{\"error\":\"wrong-code\",\"triesLeft\":4}");
        assertThat(body(call("POST", "/api/pair", "{\"code\":\"12\"}", null))).isEqualTo("{\"error\":\"not-a-code\"}");
        clock.advance(Duration.ofMinutes(11));
        assertThat(body(call("POST", "/api/pair", "{\"code\":\"" + code + "\"}", null))).isEqualTo("{\"error\":\"expired\"}");
        for (int i = 0; i < 5; i++) {
            call("POST", "/api/pair", "{\"code\":\"" + wrong + "\"}", null);
        }
        JsonNode sixth = call("POST", "/api/pair", "{\"code\":\"" + codes.issue(userKey).code() + "\"}", null);
        assertThat(sixth.path("statusCode").asInt()).isEqualTo(429);
        assertThat(body(sixth)).isEqualTo("{\"error\":\"too-many-tries\",\"retryAfterMinutes\":10}");
    }

    @Test
    void withoutASessionNothingIsShownOrChanged() throws Exception {
        assertThat(body(call("GET", "/api/session", null, null))).isEqualTo("{\"paired\":false}");
        assertThat(call("POST", "/api/uploads", "{}", null).path("statusCode").asInt()).isEqualTo(401);
        assertThat(call("GET", "/api/patterns", null, null).path("statusCode").asInt()).isEqualTo(401);
        assertThat(call("POST", "/api/forget", "{}", Sessions.COOKIE + "=" + userKey + ".1796032800.forged").path("statusCode").asInt())
                .isEqualTo(401);
    }

    @Test
    @SuppressWarnings("unchecked")
    void changesNeedJson() throws Exception {
        Map<String, Object> event = event("POST", "/api/pair", "code=123456", null);
        ((Map<String, String>) event.get("headers")).put("content-type", "application/x-www-form-urlencoded");

        assertThat(invoke(event).path("statusCode").asInt()).isEqualTo(415);
    }

    @Test
    void patternsAreListedWithFreshLinksAndDeletingEverythingEndsTheSession() throws Exception {
        Path folder = data.resolve("patterns/" + userKey + "/20261130-095900-abcd");
        Files.createDirectories(folder);
        for (String f : new String[] {"pattern.pdf", "pattern.svg", "preview.png", "stuffed.png", "outline.json"}) {
            Files.writeString(folder.resolve(f), f);
        }
        Files.createDirectories(data.resolve("uploads/" + userKey));
        Files.writeString(data.resolve("uploads/" + userKey + "/left-over.png"), "x");
        JsonNode paired = call("POST", "/api/pair", "{\"code\":\"" + codes.issue(userKey).code() + "\"}", null);
        String session = paired.path("cookies").get(0).asText().split(";")[0];

        JsonNode list = JSON.readTree(body(call("GET", "/api/patterns", null, session)));
        assertThat(list.path("patterns")).hasSize(1);
        assertThat(list.path("patterns").get(0).path("pdf").asText())
                .isEqualTo("https://cuddlies.example.test/files/patterns/" + userKey + "/20261130-095900-abcd/pattern.pdf");
        assertThat(list.path("patterns").get(0).path("stuffed").asText())
                .isEqualTo("https://cuddlies.example.test/files/patterns/" + userKey + "/20261130-095900-abcd/stuffed.png");

        JsonNode forget = call("POST", "/api/forget", "{}", session);
        assertThat(forget.path("cookies").get(0).asText()).contains("Max-Age=0");
        assertThat(data.resolve("patterns/" + userKey)).doesNotExist();
        assertThat(data.resolve("uploads/" + userKey)).doesNotExist();
        assertThat(codes.linkedAt(userKey)).isEmpty();
        assertThat(body(call("GET", "/api/session", null, session))).isEqualTo("{\"paired\":false}");
    }

    @Test
    void oneDeletedPatternGoesAndNoOtherUsersPatternCanBeNamed() throws Exception {
        Files.createDirectories(data.resolve("patterns/" + userKey + "/p1"));
        Files.writeString(data.resolve("patterns/" + userKey + "/p1/pattern.pdf"), "x");
        String session = call("POST", "/api/pair", "{\"code\":\"" + codes.issue(userKey).code() + "\"}", null)
                .path("cookies").get(0).asText().split(";")[0];

        assertThat(call("DELETE", "/api/patterns/..%2F..%2Fuploads", "{}", session).path("statusCode").asInt()).isEqualTo(404);
        assertThat(call("DELETE", "/api/patterns/p1", "{}", session).path("statusCode").asInt()).isEqualTo(204);
        assertThat(data.resolve("patterns/" + userKey + "/p1/pattern.pdf")).doesNotExist();
    }

    private JsonNode call(String method, String path, String body, String cookie) throws Exception {
        return invoke(event(method, path, body, cookie));
    }

    /** A Lambda Function URL event, payload format 2.0. */
    private static Map<String, Object> event(String method, String path, String body, String cookie) {
        Map<String, Object> e = new HashMap<>();
        e.put("version", "2.0");
        e.put("rawPath", path);
        e.put("rawQueryString", "");
        Map<String, String> headers = new HashMap<>();
        headers.put("host", "abc.lambda-url.eu-west-1.on.aws");
        if (body != null) {
            headers.put("content-type", "application/json");
            e.put("body", Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
            e.put("isBase64Encoded", true);
        }
        e.put("headers", headers);
        if (cookie != null) {
            e.put("cookies", new String[] {cookie});
        }
        e.put("requestContext", Map.of("http", Map.of("method", method, "path", path, "sourceIp", "198.51.100.7")));
        return e;
    }

    private JsonNode invoke(Map<String, Object> event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        function.handleRequest(new ByteArrayInputStream(JSON.writeValueAsBytes(event)), out, null);
        return JSON.readTree(out.toByteArray());
    }

    private static String body(JsonNode response) {
        return new String(Base64.getDecoder().decode(response.path("body").asText()), StandardCharsets.UTF_8);
    }
}
