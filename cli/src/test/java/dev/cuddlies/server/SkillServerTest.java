package dev.cuddlies.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.amazon.ask.Skill;
import com.amazon.ask.builder.CustomSkillBuilder;
import com.amazon.ask.dispatcher.request.handler.HandlerInput;
import com.amazon.ask.dispatcher.request.handler.RequestHandler;
import com.amazon.ask.model.Response;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Requests signed with a test certificate chain: good ones answered, every kind of bad one refused. */
class SkillServerTest {

    private static final String SKILL_ID = "amzn1.ask.skill.cuddlies-local";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON_MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final String GOOD_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem";

    @TempDir
    static Path certDir;

    private static TestCertificates certs;

    private final AtomicInteger handled = new AtomicInteger();
    private final HttpClient http = HttpClient.newHttpClient();
    private SkillServer server;
    private ListAppender<ILoggingEvent> log;
    private List<X509Certificate> served;
    private Skill skill;

    @BeforeAll
    static void makeCertificates() throws Exception {
        certs = new TestCertificates(certDir);
    }

    @BeforeEach
    void start() throws Exception {
        served = certs.good;
        skill = new CustomSkillBuilder().withSkillId(SKILL_ID).addRequestHandlers(new RequestHandler() {
            @Override
            public boolean canHandle(HandlerInput input) {
                return true;
            }

            @Override
            public Optional<Response> handle(HandlerInput input) {
                handled.incrementAndGet();
                return input.getResponseBuilder().withSpeech("handled").build();
            }
        }).build();
        AlexaRequestVerifier verifier = new AlexaRequestVerifier(url -> served,
                Set.of(new TrustAnchor(certs.root, null)), SKILL_ID, Clock.systemUTC());
        server = SkillServer.start("127.0.0.1", 0, skill, Optional.of(verifier), Optional.empty());
        Logger logger = (Logger) LoggerFactory.getLogger(SkillServer.class);
        logger.setLevel(Level.WARN);
        log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stop() {
        server.close();
        ((Logger) LoggerFactory.getLogger(SkillServer.class)).detachAppender(log);
    }

    private HttpResponse<String> post(byte[] body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/alexa"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/json");
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> signed(byte[] body, String url) throws Exception {
        return post(body, Map.of("SignatureCertChainUrl", url, "Signature-256", certs.sign(body)));
    }

    private void assertRefused(HttpResponse<String> r, String reason) {
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains(reason);
        assertThat(handled).as("handler must not run").hasValue(0);
        assertThat(log.list).anySatisfy(e -> assertThat(e.getFormattedMessage()).contains("refused request").contains(reason));
    }

    @Test
    void aGoodRequestIsAnswered() throws Exception {
        HttpResponse<String> r = signed(TestCertificates.launchEnvelope(Instant.now(), SKILL_ID), GOOD_URL);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("handled");
        assertThat(handled).hasValue(1);
    }

    @Test
    void port443AndDotSegmentsThatStayUnderEchoApiAreAccepted() throws Exception {
        assertThat(signed(TestCertificates.launchEnvelope(Instant.now(), SKILL_ID), "https://s3.amazonaws.com:443/echo.api/../echo.api/c.pem")
                .statusCode()).isEqualTo(200);
        assertThat(signed(TestCertificates.launchEnvelope(Instant.now(), SKILL_ID), "https://S3.AmazonAWS.com/echo.api/c.pem").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aBadSignatureIsRefused() throws Exception {
        byte[] body = TestCertificates.launchEnvelope(Instant.now(), SKILL_ID);
        String otherSignature = certs.sign(TestCertificates.launchEnvelope(Instant.now().minusSeconds(5), SKILL_ID));

        assertRefused(post(body, Map.of("SignatureCertChainUrl", GOOD_URL, "Signature-256", otherSignature)), "bad signature");
    }

    @Test
    void eachCertificateUrlRuleIsEnforced() throws Exception {
        byte[] body = TestCertificates.launchEnvelope(Instant.now(), SKILL_ID);
        assertRefused(signed(body, "http://s3.amazonaws.com/echo.api/c.pem"), "must use https");
        assertRefused(signed(body, "https://notamazon.com/echo.api/c.pem"), "host must be s3.amazonaws.com");
        assertRefused(signed(body, "https://s3.amazonaws.com/EcHo.aPi/c.pem"), "path must start with /echo.api/");
        assertRefused(signed(body, "https://s3.amazonaws.com/invalid.path/c.pem"), "path must start with /echo.api/");
        assertRefused(signed(body, "https://s3.amazonaws.com/echo.api/../invalid.path/c.pem"), "path must start with /echo.api/");
        assertRefused(signed(body, "https://s3.amazonaws.com:563/echo.api/c.pem"), "port must be 443");
        assertRefused(post(body, Map.of("Signature-256", certs.sign(body))), "no SignatureCertChainUrl");
    }

    @Test
    void anExpiredCertificateIsRefused() throws Exception {
        served = certs.expired;
        assertRefused(signed(TestCertificates.launchEnvelope(Instant.now(), SKILL_ID), GOOD_URL), "expired");
    }

    @Test
    void aCertificateForAnotherNameIsRefused() throws Exception {
        served = certs.wrongName;
        assertRefused(signed(TestCertificates.launchEnvelope(Instant.now(), SKILL_ID), GOOD_URL), "not for echo-api.amazon.com");
    }

    @Test
    void aCertificateFromAnUntrustedRootIsRefused() throws Exception {
        served = List.of(certs.good.get(0)); // the leaf alone, no root: does not chain to an anchor
        server.close();
        AlexaRequestVerifier systemOnly = new AlexaRequestVerifier(url -> served,
                AlexaRequestVerifier.systemTrustAnchors(), SKILL_ID, Clock.systemUTC());
        server = SkillServer.start("127.0.0.1", 0, skill, Optional.of(systemOnly), Optional.empty());

        assertRefused(signed(TestCertificates.launchEnvelope(Instant.now(), SKILL_ID), GOOD_URL), "does not chain to a trusted root");
    }

    @Test
    void aStaleTimestampIsRefused() throws Exception {
        assertRefused(signed(TestCertificates.launchEnvelope(Instant.now().minusSeconds(200), SKILL_ID), GOOD_URL), "150 seconds");
    }

    @Test
    void aRequestForAnotherSkillIsRefused() throws Exception {
        assertRefused(signed(TestCertificates.launchEnvelope(Instant.now(), "amzn1.ask.skill.someone-else"), GOOD_URL), "wrong skill id");
    }

    @Test
    void anUnknownRequestTypeIsAPlain400() throws Exception {
        ObjectNode e = (ObjectNode) JSON_MAPPER.readTree(TestCertificates.launchEnvelope(Instant.now(), SKILL_ID));
        ((ObjectNode) e.path("request")).put("type", "Alexa.Something.NobodyKnows");
        byte[] body = e.toString().getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> r = signed(body, GOOD_URL);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("refused: request type 'Alexa.Something.NobodyKnows' is not one this skill answers\n");
        assertThat(handled).hasValue(0);
        assertThat(log.list).allSatisfy(l -> assertThat(l.getFormattedMessage()).doesNotContain("NullPointerException"));
    }

    @Test
    void anOversizedRequestIsRefusedBeforeVerification() throws Exception {
        HttpResponse<String> r = post(new byte[SkillServer.MAX_REQUEST_BYTES + 1], Map.of());
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(handled).hasValue(0);
    }
}
