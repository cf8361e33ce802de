package dev.cuddlies.web;

import dev.cuddlies.config.AppConfig;
import dev.cuddlies.config.Services;
import dev.cuddlies.fixtures.TestPictures;
import dev.cuddlies.maker.UserKeys;
import dev.cuddlies.server.LocalWeb;
import dev.cuddlies.server.SkillServer;
import dev.cuddlies.storage.BlobStore;
import dev.cuddlies.warmth.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The local server's /upload refuses what S3 would refuse, and stores nothing when it does. */
class LocalUploadTest {

    private static final String KEY = "uploads/0123456789abcdef0123456789abcdef/20261130-100000-aa.png";

    @TempDir
    Path data;

    private MutableClock clock;
    private SkillServer server;
    private PostPolicy forms;
    private URI upload;

    @BeforeEach
    void start() throws Exception {
        clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        AppConfig config = AppConfig.local(data).withWebUrl(URI.create("http://127.0.0.1:" + port + "/go"));
        BlobStore store = Services.store(config);
        UserKeys keys = Services.userKeys(config, clock);
        server = SkillServer.start("127.0.0.1", port, Optional.empty(), Optional.empty(), Optional.of(data),
                Optional.of(new LocalWeb(Services.web(config, store, keys, clock), store, keys, Optional.of(data), clock)));
        upload = URI.create("http://127.0.0.1:" + port + LocalWeb.UPLOAD_PATH);
        forms = PostPolicy.local(upload, keys, Services.MAX_UPLOAD_BYTES, clock);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aSignedFormStoresThePicture() throws Exception {
        HttpResponse<String> r = post(fields(), "image/png", TestPictures.bearPng());

        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(data.resolve(KEY)).hasBinaryContent(TestPictures.bearPng());
    }

    @Test
    void aChangedSignatureIsRefused() throws Exception {
        Map<String, String> f = fields();
        f.put("x-amz-signature", "0".repeat(64));

        assertRefused(post(f, "image/png", TestPictures.bearPng()), 403, "SignatureDoesNotMatch");
    }

    @Test
    void anotherKeyIsRefused() throws Exception {
        Map<String, String> f = fields();
        f.put("key", "uploads/someone-else/picture.png");

        assertRefused(post(f, "image/png", TestPictures.bearPng()), 403, "AccessDenied");
    }

    @Test
    void aTypeThatIsNoImageIsRefused() throws Exception {
        Map<String, String> f = fields();
        f.put("Content-Type", "text/html");

        assertRefused(post(f, "text/html", "<script>".getBytes(StandardCharsets.UTF_8)), 403, "AccessDenied");
    }

    @Test
    void anExpiredFormIsRefused() throws Exception {
        Map<String, String> f = fields();
        clock.advance(Duration.ofMinutes(11));

        assertRefused(post(f, "image/png", TestPictures.bearPng()), 403, "AccessDenied");
    }

    @Test
    void aFieldThePolicyDoesNotNameIsRefused() throws Exception {
        Map<String, String> f = fields();
        f.put("success_action_redirect", "https://elsewhere.example/");

        assertRefused(post(f, "image/png", TestPictures.bearPng()), 403, "AccessDenied");
    }

    @Test
    void aFileOverFifteenMegabytesIsRefused() throws Exception {
        assertRefused(post(fields(), "image/png", new byte[(int) Services.MAX_UPLOAD_BYTES + 1]), 400, "EntityTooLarge");
    }

    @Test
    void aConnectionDroppedHalfwayStoresNothing() throws Exception {
        MultipartBody body = MultipartBody.of(fields(), "image/png", TestPictures.bearPng());
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), upload.getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + body.contentType()
                    + "\r\nContent-Length: " + body.bytes().length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body.bytes(), 0, body.bytes().length / 2);
            out.flush();
            s.setSoLinger(true, 0);
        }
        // The server answers the next request only after it has finished with the broken one.
        assertThat(post(fields(), "image/png", TestPictures.bearPng()).statusCode()).isEqualTo(204);
        Files.delete(data.resolve(KEY));
        assertThat(uploads()).isEmpty();
    }

    private Map<String, String> fields() {
        Map<String, String> f = new LinkedHashMap<>(forms.form(KEY, Duration.ofMinutes(10)).fields());
        f.put("Content-Type", "image/png");
        return f;
    }

    private HttpResponse<String> post(Map<String, String> fields, String fileType, byte[] file) throws Exception {
        MultipartBody body = MultipartBody.of(fields, fileType, file);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(upload).header("Content-Type", body.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.bytes())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void assertRefused(HttpResponse<String> r, int status, String code) throws IOException {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.body()).contains("<Code>" + code + "</Code>");
        assertThat(uploads()).isEmpty();
    }

    private java.util.List<Path> uploads() throws IOException {
        Path dir = data.resolve("uploads");
        if (!Files.exists(dir)) {
            return java.util.List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }
}
