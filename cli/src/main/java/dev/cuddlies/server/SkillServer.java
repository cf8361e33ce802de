package dev.cuddlies.server;

import com.amazon.ask.Skill;
import com.amazon.ask.model.RequestEnvelope;
import com.amazon.ask.util.JacksonSerializer;
import com.amazon.ask.request.impl.BaseSkillRequest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The skill as an HTTPS web service (TLS ends at the user's tunnel or reverse proxy): Alexa posts a
 * request envelope, the same {@link Skill} the Lambda entry point builds answers it. Requests are
 * verified as Alexa requires, bounded in size and number, and a request that runs too long is
 * answered with a spoken apology before Alexa's 8 seconds run out. Pattern files are served read-only
 * under {@code /files/patterns/} so cards can link them. With a {@link LocalWeb} the phone page is
 * served on the same port (Alexa's requests then go to {@code POST /alexa} only). Slow clients hold a
 * thread, never a skill slot, and are disconnected by the JDK server's read timeout
 * ({@link JdkHttpLimits}, installed by the {@code skill-server} command).
 */
public final class SkillServer implements AutoCloseable {

    /** Alexa requests are a few kilobytes. */
    public static final int MAX_REQUEST_BYTES = 128 * 1024;
    public static final int MAX_CONCURRENT = 8;
    public static final Duration ANSWER_WITHIN = Duration.ofMillis(7200);

    private static final Logger LOG = LoggerFactory.getLogger(SkillServer.class);
    private static final JacksonSerializer SERIALIZER = new JacksonSerializer();
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final String APOLOGY = "Sorry, that took me too long. Nothing was lost; please try again in a minute.";
    private static final String BUSY = "Sorry, I'm busy with other requests right now. Please try again in a moment.";

    private final HttpServer http;
    private final Optional<Skill> skill;
    private final Optional<AlexaRequestVerifier> verifier;
    private final Optional<Path> files;
    private final Optional<LocalWeb> web;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "skill-request");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore slots = new Semaphore(MAX_CONCURRENT);

    private SkillServer(String host, int port, Optional<Skill> skill, Optional<AlexaRequestVerifier> verifier,
                        Optional<Path> files, Optional<LocalWeb> web) throws IOException {
        this.skill = skill;
        this.verifier = verifier;
        this.files = files.map(p -> p.toAbsolutePath().normalize());
        this.web = web;
        this.http = HttpServer.create(new InetSocketAddress(host, port), 64);
        // One thread per open request: the JDK server reads headers and bodies on it, so a fixed pool
        // could be filled by a dozen slow clients. Threads are bounded by the JDK's connection limit and
        // slow clients cut by its read timeout ({@link JdkHttpLimits}); skill work is bounded by slots.
        http.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "skill-http");
            t.setDaemon(true);
            return t;
        }));
        http.createContext("/", this::handle);
    }

    /**
     * @param verifier empty only in the local, loopback-bound test mode
     * @param files    the local storage folder whose patterns/ are served, if any
     */
    public static SkillServer start(String host, int port, Skill skill, Optional<AlexaRequestVerifier> verifier,
                                    Optional<Path> files) throws IOException {
        return start(host, port, Optional.of(skill), verifier, files, Optional.empty());
    }

    /**
     * @param skill Alexa's endpoint at {@code POST /alexa}, or empty for the phone page alone
     * @param web   the phone page at {@code /} with its API, local uploads and files, if wanted
     */
    public static SkillServer start(String host, int port, Optional<Skill> skill, Optional<AlexaRequestVerifier> verifier,
                                    Optional<Path> files, Optional<LocalWeb> web) throws IOException {
        SkillServer s = new SkillServer(host, port, skill, verifier, files, web);
        s.http.start();
        return s;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            boolean post = ex.getRequestMethod().equals("POST");
            if (ex.getRequestMethod().equals("GET") && path.equals("/health")) {
                send(ex, 200, "text/plain", "ok\n".getBytes(StandardCharsets.UTF_8));
            } else if (skill.isPresent() && post && (path.equals("/alexa") || web.isEmpty())) {
                skillRequest(ex);
            } else if (web.isPresent()) {
                web.get().handle(ex);
            } else if (ex.getRequestMethod().equals("GET") && path.startsWith("/files/patterns/")) {
                serveFile(ex, path.substring("/files/".length()));
            } else {
                send(ex, 405, "text/plain", "POST Alexa requests here\n".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private void skillRequest(HttpExchange ex) throws IOException {
        byte[] body = readLimited(ex.getRequestBody());
        if (body == null) {
            LOG.warn("refused request: larger than {} bytes", MAX_REQUEST_BYTES);
            send(ex, 413, "text/plain", "request too large\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (verifier.isPresent()) {
            try {
                verifier.get().verify(ex.getRequestHeaders().getFirst("SignatureCertChainUrl"),
                        ex.getRequestHeaders().getFirst("Signature-256"), body);
            } catch (AlexaRequestVerifier.Refused e) {
                LOG.warn("refused request: {}", e.getMessage());
                send(ex, 400, "text/plain", ("refused: " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        Optional<String> unknownType = unknownRequestType(body);
        if (unknownType.isPresent()) {
            LOG.warn("refused request: unknown request type");
            send(ex, 400, "text/plain", ("refused: request type '" + unknownType.get()
                    + "' is not one this skill answers\n").getBytes(StandardCharsets.UTF_8));
            return;
        }
        if (!slots.tryAcquire()) {
            send(ex, 200, "application/json", speech(BUSY));
            return;
        }
        Future<byte[]> answer;
        try {
            answer = workers.submit(() -> skill.orElseThrow().execute(new BaseSkillRequest(body)).getRawResponse());
        } catch (RuntimeException e) {
            slots.release();
            throw e;
        }
        try {
            send(ex, 200, "application/json;charset=UTF-8", answer.get(ANSWER_WITHIN.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            LOG.warn("request took longer than {} ms: answered with an apology", ANSWER_WITHIN.toMillis());
            send(ex, 200, "application/json", speech(APOLOGY));
        } catch (ExecutionException e) {
            LOG.warn("request not handled: {}", e.getCause().getMessage());
            send(ex, 400, "text/plain", "refused: not a request for this skill\n".getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // The slot is held until the skill is done, even after an apology, so load stays bounded.
            workers.execute(() -> {
                try {
                    answer.get();
                } catch (Exception ignored) {
                    // already logged or answered
                } finally {
                    slots.release();
                }
            });
        }
    }

    /**
     * The request type when the ASK SDK's model cannot read the request (its deserialiser throws, or
     * hands the skill a null request that fails deep inside), or empty when it can.
     */
    private static Optional<String> unknownRequestType(byte[] body) {
        try {
            RequestEnvelope envelope = SERIALIZER.deserialize(new String(body, StandardCharsets.UTF_8), RequestEnvelope.class);
            if (envelope != null && envelope.getRequest() != null) {
                return Optional.empty();
            }
        } catch (RuntimeException e) {
            // named below
        }
        String type;
        try {
            type = JSON.readTree(body).path("request").path("type").asText("none");
        } catch (IOException e) {
            type = "unreadable";
        }
        // Echoed to the caller and the log: keep it short and plain.
        String plain = type.replaceAll("[^A-Za-z0-9._-]", "?");
        return Optional.of(plain.length() > 80 ? plain.substring(0, 80) : plain);
    }

    private void serveFile(HttpExchange ex, String key) throws IOException {
        if (files.isEmpty()) {
            send(ex, 404, "text/plain", new byte[0]);
            return;
        }
        Path file = files.get().resolve(key).normalize();
        if (!file.startsWith(files.get().resolve("patterns")) || !Files.isRegularFile(file)) {
            send(ex, 404, "text/plain", new byte[0]);
            return;
        }
        String name = file.getFileName().toString();
        String type = name.endsWith(".pdf") ? "application/pdf" : name.endsWith(".png") ? "image/png"
                : name.endsWith(".svg") ? "image/svg+xml" : name.endsWith(".json") ? "application/json" : "application/octet-stream";
        send(ex, 200, type, Files.readAllBytes(file));
    }

    static byte[] speech(String text) {
        return ("{\"version\":\"1.0\",\"response\":{\"outputSpeech\":{\"type\":\"SSML\",\"ssml\":\"<speak>" + text
                + "</speak>\"},\"shouldEndSession\":true}}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        byte[] b = in.readNBytes(MAX_REQUEST_BYTES + 1);
        return b.length > MAX_REQUEST_BYTES ? null : b;
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        http.stop(0);
        workers.shutdownNow();
    }
}
