package dev.cuddlies.server;

import com.sun.net.httpserver.HttpExchange;
import dev.cuddlies.maker.UserKeys;
import dev.cuddlies.storage.BlobStore;
import dev.cuddlies.storage.StorageException;
import dev.cuddlies.web.PostPolicy;
import dev.cuddlies.web.WebApp;
import dev.cuddlies.web.WebRequest;
import dev.cuddlies.web.WebResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The phone page on this machine: the same {@link WebApp} the web function runs, plus what S3 does
 * in the cloud — {@code POST /upload} takes the presigned form (checked like S3's POST Object) into
 * local storage, and {@code GET /files/patterns/...} serves pattern files read-only.
 */
public final class LocalWeb {

    public static final String UPLOAD_PATH = "/upload";
    /** The form's 15 MB file plus room for its fields and part headers. */
    private static final int MAX_FORM_BYTES = 15 * 1024 * 1024 + 64 * 1024;
    private static final int MAX_API_BYTES = 16 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(LocalWeb.class);

    private final WebApp app;
    private final BlobStore store;
    private final PostPolicyCheck uploads;
    private final Optional<Path> files;
    private final Clock clock;

    /** @param files the local storage folder whose patterns/ are served */
    public LocalWeb(WebApp app, BlobStore store, UserKeys keys, Optional<Path> files, Clock clock) {
        this.app = app;
        this.store = store;
        this.uploads = new PostPolicyCheck(PostPolicy.localSigner(keys), PostPolicy.LOCAL_BUCKET);
        this.files = files.map(p -> p.toAbsolutePath().normalize());
        this.clock = clock;
    }

    void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        if (method.equals("POST") && path.equals(UPLOAD_PATH)) {
            upload(ex);
        } else if (method.equals("GET") && path.startsWith("/files/patterns/")) {
            serveFile(ex, path.substring("/files/".length()));
        } else {
            byte[] body = ex.getRequestBody().readNBytes(MAX_API_BYTES + 1);
            if (body.length > MAX_API_BYTES) {
                send(ex, WebResponse.text(413, "request too large\n"));
                return;
            }
            Map<String, String> headers = new HashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            List<String> cookies = ex.getRequestHeaders().getOrDefault("Cookie", List.of());
            send(ex, app.handle(new WebRequest(method, path, headers, WebRequest.parseCookies(cookies), body,
                    ex.getRemoteAddress().getAddress().getHostAddress())));
        }
    }

    /** S3's POST Object, locally: the whole form is read and checked before anything is written. */
    private void upload(HttpExchange ex) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readNBytes(MAX_FORM_BYTES + 1);
        }
        if (body.length > MAX_FORM_BYTES) {
            s3Error(ex, new PostPolicyCheck.Refused(400, "EntityTooLarge", "the form is larger than allowed"));
            return;
        }
        MultipartForm form;
        try {
            form = MultipartForm.parse(ex.getRequestHeaders().getFirst("Content-Type"), body);
            uploads.check(form, clock.instant());
        } catch (IllegalArgumentException e) {
            s3Error(ex, new PostPolicyCheck.Refused(400, "MalformedPOSTRequest", e.getMessage()));
            return;
        } catch (PostPolicyCheck.Refused e) {
            LOG.warn("upload refused: {} ({})", e.code, e.getMessage());
            s3Error(ex, e);
            return;
        }
        try {
            store.put(form.field("key").orElseThrow(), form.file(), form.field("Content-Type").orElse("image/jpeg"),
                    Duration.ofSeconds(30));
        } catch (StorageException e) {
            s3Error(ex, new PostPolicyCheck.Refused(503, "ServiceUnavailable", "storage failed"));
            return;
        }
        ex.sendResponseHeaders(204, -1);
    }

    private void serveFile(HttpExchange ex, String key) throws IOException {
        Path file = files.map(f -> f.resolve(key).normalize()).orElse(null);
        if (file == null || !file.startsWith(files.get().resolve("patterns")) || !Files.isRegularFile(file)) {
            send(ex, WebResponse.text(404, "not here\n"));
            return;
        }
        String name = file.getFileName().toString();
        String type = name.endsWith(".pdf") ? "application/pdf" : name.endsWith(".png") ? "image/png"
                : name.endsWith(".svg") ? "image/svg+xml" : name.endsWith(".json") ? "application/json" : "application/octet-stream";
        send(ex, WebResponse.of(200, type, Files.readAllBytes(file)));
    }

    private static void s3Error(HttpExchange ex, PostPolicyCheck.Refused e) throws IOException {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + e.code + "</Code><Message>"
                + e.getMessage().replace("&", "&amp;").replace("<", "&lt;") + "</Message></Error>\n";
        send(ex, WebResponse.of(e.status, "application/xml", xml.getBytes(StandardCharsets.UTF_8)));
    }

    static void send(HttpExchange ex, WebResponse r) throws IOException {
        ex.getResponseHeaders().set("Content-Type", r.contentType());
        r.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        r.setCookies().forEach(c -> ex.getResponseHeaders().add("Set-Cookie", c));
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(r.status(), r.body().length == 0 || head ? -1 : r.body().length);
        if (r.body().length > 0 && !head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(r.body());
            }
        }
    }
}
