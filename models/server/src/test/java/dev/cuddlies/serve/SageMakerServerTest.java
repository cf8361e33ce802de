package dev.cuddlies.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuddlies.fixtures.TestPictures;
import dev.cuddlies.outline.OutlineConfig;
import dev.cuddlies.recordio.ImageRecord;
import dev.cuddlies.recordio.RecordIOWriter;
import dev.cuddlies.records.SourceResolver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointRequest;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;
import software.amazon.awssdk.services.sagemakerruntime.model.SageMakerRuntimeException;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The model server driven by the real AWS SDK SageMakerRuntimeClient over loopback. */
class SageMakerServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENDPOINT = "cuddlies-outline";

    @TempDir
    static Path sources;

    private static SageMakerServer server;
    private static SageMakerRuntimeClient client;

    @BeforeAll
    static void start() throws Exception {
        Files.write(sources.resolve("bear.png"), TestPictures.bearPng());
        server = SageMakerServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0).withWorkers(2, 4),
                new Invocations(OutlineConfig.defaults(), ServerConfig.DEFAULT_MAX_PAYLOAD_BYTES,
                        SourceResolver.under(sources, ServerConfig.DEFAULT_MAX_PAYLOAD_BYTES)));
        client = client(server.port());
    }

    static SageMakerRuntimeClient client(int port) {
        return SageMakerRuntimeClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(60)).build())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static InvokeEndpointResponse invoke(String contentType, String accept, String attributes, byte[] body) {
        InvokeEndpointRequest.Builder r = InvokeEndpointRequest.builder().endpointName(ENDPOINT)
                .contentType(contentType).body(SdkBytes.fromByteArray(body));
        if (accept != null) {
            r.accept(accept);
        }
        if (attributes != null) {
            r.customAttributes(attributes);
        }
        return client.invokeEndpoint(r.build());
    }

    private static JsonNode json(InvokeEndpointResponse r) throws Exception {
        return JSON.readTree(r.body().asUtf8String());
    }

    @Test
    void pngGivesTheOutlineJsonAndEchoesCustomAttributes() throws Exception {
        InvokeEndpointResponse r = invoke("image/png", "application/json", "simplify=1.0", TestPictures.bearPng());

        assertThat(r.contentType()).isEqualTo("application/json");
        assertThat(r.customAttributes()).isEqualTo("simplify=1.0");
        JsonNode o = json(r);
        assertThat(o.get("width").asInt()).isEqualTo(400);
        assertThat(o.get("outline").size()).isGreaterThan(10);
        assertThat(o.get("areaPx").asDouble()).isGreaterThan(50_000);
    }

    @Test
    void coarserSimplifyGivesFewerPoints() throws Exception {
        int fine = json(invoke("image/png", null, "simplify=0.3", TestPictures.bearPng())).get("outline").size();
        int coarse = json(invoke("image/png", null, "simplify=4", TestPictures.bearPng())).get("outline").size();
        assertThat(coarse).isLessThan(fine);
    }

    @Test
    void everyImageContentTypeIsSniffedFromTheBytes() throws Exception {
        byte[] jpeg = TestPictures.encode(TestPictures.bear(400, 500), "jpeg");
        byte[] gif = TestPictures.encode(TestPictures.bear(400, 500), "gif");
        byte[] webp;
        try (InputStream in = getClass().getResourceAsStream("/bar.webp")) {
            webp = in.readAllBytes();
        }
        assertThat(json(invoke("image/jpeg", null, null, jpeg)).get("width").asInt()).isEqualTo(400);
        assertThat(json(invoke("application/x-image", null, null, gif)).get("width").asInt()).isEqualTo(400);
        assertThat(json(invoke("image/webp", null, null, webp)).get("width").asInt()).isEqualTo(480);
        // A JPEG labelled PNG is still read: the bytes decide, not the header.
        assertThat(json(invoke("image/png", null, null, jpeg)).get("height").asInt()).isEqualTo(500);
    }

    @Test
    void jsonLinesGiveOneResultLinePerRecordInOrderEchoingIds() throws Exception {
        String b64 = Base64.getEncoder().encodeToString(TestPictures.bearPng());
        String body = "{\"id\":\"a\",\"image\":\"" + b64 + "\"}\n"
                + "{\"id\":\"b\",\"source-ref\":\"bear.png\",\"label\":3}\n"
                + "{\"id\":\"c\",\"image\":\"not base64!!\"}\n"
                + "{\"id\":\"d\",\"source-ref\":\"s3://bucket/x.png\"}\n"
                + "not json at all\n";

        InvokeEndpointResponse r = invoke("application/jsonlines", "application/jsonlines", null,
                body.getBytes(StandardCharsets.UTF_8));

        assertThat(r.contentType()).isEqualTo("application/jsonlines");
        List<JsonNode> lines = lines(r);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0).get("id").asText()).isEqualTo("a");
        assertThat(lines.get(0).has("outline")).isTrue();
        assertThat(lines.get(1).get("label").asInt()).isEqualTo(3);
        assertThat(lines.get(1).get("source-ref").asText()).isEqualTo("bear.png");
        assertThat(lines.get(1).has("outline")).isTrue();
        assertThat(lines.get(2).get("error").asText()).isEqualTo("bad_record");
        assertThat(lines.get(3).get("error").asText()).isEqualTo("unresolvable_source");
        assertThat(lines.get(4).get("error").asText()).isEqualTo("bad_record");
        assertThat(lines.get(4).get("line").asInt()).isEqualTo(5);
    }

    @Test
    void jsonLinesWithAcceptJsonGiveAnArray() throws Exception {
        String b64 = Base64.getEncoder().encodeToString(TestPictures.bearPng());
        String body = "{\"id\":1,\"image\":\"" + b64 + "\"}\n{\"id\":2,\"image\":\"" + b64 + "\"}\n";

        JsonNode array = json(invoke("application/jsonlines", "application/json", null,
                body.getBytes(StandardCharsets.UTF_8)));

        assertThat(array.isArray()).isTrue();
        assertThat(array.get(1).get("id").asInt()).isEqualTo(2);
    }

    @Test
    void recordIoImageRecordsEchoTheirIdAndLabels() throws Exception {
        ByteArrayOutputStream rec = new ByteArrayOutputStream();
        try (RecordIOWriter w = new RecordIOWriter(rec)) {
            w.write(new ImageRecord(new float[] {1f}, 10, 0, TestPictures.bearPng()).pack());
            w.write(new ImageRecord(new float[] {2f, 5f}, 11, 0, "garbage".getBytes(StandardCharsets.UTF_8)).pack());
            w.write(new ImageRecord(new float[] {3f}, 12, 0, TestPictures.encode(TestPictures.blank(200, 200), "png")).pack());
        }

        List<JsonNode> lines = lines(invoke("application/x-recordio", "application/jsonlines", null, rec.toByteArray()));

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).get("id").asLong()).isEqualTo(10);
        assertThat(lines.get(0).get("label").asDouble()).isEqualTo(1.0);
        assertThat(lines.get(0).has("outline")).isTrue();
        assertThat(lines.get(1).get("label").toString()).isEqualTo("[2.0,5.0]");
        assertThat(lines.get(1).get("error").asText()).isEqualTo("not_an_image");
        assertThat(lines.get(2).get("error").asText()).isEqualTo("no_figure");
    }

    @Test
    void everyErrorStatusComesBackAsJsonWithAPlainMessage() {
        byte[] blank = TestPictures.encode(TestPictures.blank(300, 300), "png");
        assertError(() -> invoke("image/png", null, null, blank), 400, "no_figure");
        assertError(() -> invoke("image/png", null, null, "hello".getBytes(StandardCharsets.UTF_8)), 400, "not_an_image");
        assertError(() -> invoke("image/png", null, "simplify=abc", TestPictures.bearPng()), 400, "bad_attributes");
        assertError(() -> invoke("image/png", null, null, new byte[6_000_001]), 413, "payload_too_large");
        assertError(() -> invoke("text/csv", null, null, "1,2,3".getBytes(StandardCharsets.UTF_8)), 415,
                "unsupported_media_type");
        assertError(() -> invoke("image/png", "text/csv", null, TestPictures.bearPng()), 406, "not_acceptable");
    }

    @Test
    void pingAnswersEmpty200() throws Exception {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + server.port() + "/ping").toURL()
                .openConnection();
        assertThat(c.getResponseCode()).isEqualTo(200);
        assertThat(c.getInputStream().readAllBytes()).isEmpty();
    }

    @Test
    void whenWorkersAndQueueAreFullTheAnswerIs503AtOnce() throws Exception {
        try (SageMakerServer small = SageMakerServer.start(
                ServerConfig.defaults().withHost("127.0.0.1").withPort(0).withWorkers(1, 0).withGraceSeconds(5),
                new Invocations(OutlineConfig.defaults(), 60_000_000, SourceResolver.none()));
             SageMakerRuntimeClient smallClient = client(small.port())) {
            // A request whose body has arrived whole holds the only admission while it is traced.
            byte[] big = TestPictures.encode(TestPictures.bear(5000, 5000), "png");
            Thread busy = new Thread(() -> smallClient.invokeEndpoint(InvokeEndpointRequest.builder()
                    .endpointName(ENDPOINT).contentType("image/png").body(SdkBytes.fromByteArray(big)).build()));
            busy.start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (small.inFlight() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertThat(small.inFlight()).isEqualTo(1);

            assertThatThrownBy(() -> smallClient.invokeEndpoint(InvokeEndpointRequest.builder().endpointName(ENDPOINT)
                    .contentType("image/png").body(SdkBytes.fromByteArray(TestPictures.bearPng())).build()))
                    .isInstanceOfSatisfying(SageMakerRuntimeException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(503);
                        assertThat(e.awsErrorDetails().rawResponse().asUtf8String()).contains("\"overloaded\"");
                    });
            busy.join(60_000);
        }
    }

    @Test
    void shutdownLetsInFlightRequestsFinish() throws Exception {
        SageMakerServer s = SageMakerServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0),
                new Invocations(OutlineConfig.defaults(), 60_000_000, SourceResolver.none()));
        byte[] big = TestPictures.encode(TestPictures.bear(4000, 4000), "png");
        try (SageMakerRuntimeClient c = client(s.port())) {
            List<Object> results = new ArrayList<>();
            Thread request = new Thread(() -> results.add(c.invokeEndpoint(InvokeEndpointRequest.builder()
                    .endpointName(ENDPOINT).contentType("image/png").body(SdkBytes.fromByteArray(big)).build())));
            request.start();
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (s.inFlight() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            s.close(); // returns once the in-flight request is answered
            request.join(30_000);
            assertThat(results).hasSize(1);
            assertThat(((InvokeEndpointResponse) results.get(0)).body().asUtf8String()).contains("\"outline\"");
        }
    }

    private static void assertError(Runnable call, int status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(SageMakerRuntimeException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            String body = e.awsErrorDetails().rawResponse().asUtf8String();
            assertThat(body).contains("\"error\":\"" + code + "\"").contains("\"message\":\"");
        });
    }

    private static List<JsonNode> lines(InvokeEndpointResponse r) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String line : r.body().asUtf8String().split("\n")) {
            out.add(JSON.readTree(line));
        }
        return out;
    }
}
