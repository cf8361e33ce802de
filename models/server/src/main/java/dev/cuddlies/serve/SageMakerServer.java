package dev.cuddlies.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The SageMaker bring-your-own-container contract over HTTP: {@code GET /ping},
 * {@code POST /invocations}, and {@code POST /endpoints/{name}/invocations} so the AWS SDK's
 * {@code SageMakerRuntimeClient} with an endpoint override can call it unchanged.
 *
 * <p>At most {@code workers} outlines run at once and {@code queue} more may wait; any request
 * beyond that is answered 503 at once, before its body is read, so memory stays bounded under load.
 */
public final class SageMakerServer implements AutoCloseable {

    public static final String ATTRIBUTES_HEADER = "X-Amzn-SageMaker-Custom-Attributes";

    /** A refused body is read and thrown away up to this size; beyond it the connection is dropped. */
    private static final long DRAIN_LIMIT_BYTES = 64L * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(SageMakerServer.class.getName());
    private static final Pattern ENDPOINT_PATH = Pattern.compile("/endpoints/[A-Za-z0-9](-*[A-Za-z0-9])*/invocations");

    private final HttpServer http;
    private final ExecutorService io;
    private final Semaphore admitted;
    private final Semaphore tracing;
    private final Invocations invocations;
    private final ServerConfig config;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean stopping;

    private SageMakerServer(ServerConfig config, Invocations invocations) throws IOException {
        this.config = config.checkValidity();
        this.invocations = invocations;
        this.admitted = new Semaphore(config.workers() + config.queue());
        this.tracing = new Semaphore(config.workers(), true);
        // Admitted requests each hold a thread; spare threads answer /ping and 503s while all are busy.
        int threads = config.workers() + config.queue() + 8;
        this.io = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "model-http");
                    t.setDaemon(true);
                    return t;
                });
        this.http = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 256);
        http.setExecutor(io);
        http.createContext("/", this::handle);
    }

    /** Starts listening; {@code /ping} answers 200 from now on. */
    public static SageMakerServer start(ServerConfig config, Invocations invocations) throws IOException {
        SageMakerServer server = new SageMakerServer(config, invocations);
        server.http.start();
        return server;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        active.incrementAndGet();
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (path.equals("/ping")) {
                if (method.equals("GET") || method.equals("HEAD")) {
                    exchange.sendResponseHeaders(200, -1);
                } else {
                    send(exchange, Invocations.error(405, "method_not_allowed", "use GET /ping", null));
                }
                return;
            }
            if (!path.equals("/invocations") && !ENDPOINT_PATH.matcher(path).matches()) {
                send(exchange, Invocations.error(404, "not_found", "use POST /invocations", null));
                return;
            }
            if (!method.equals("POST")) {
                send(exchange, Invocations.error(405, "method_not_allowed", "use POST " + path, null));
                return;
            }
            if (stopping) {
                drain(exchange.getRequestBody());
                send(exchange, Invocations.error(503, "shutting_down", "the model is shutting down", null));
                return;
            }
            invoke(exchange);
        } catch (IOException e) {
            LOG.log(Level.FINE, "client went away", e);
        } finally {
            active.decrementAndGet();
        }
    }

    private void invoke(HttpExchange exchange) throws IOException {
        String attributes = exchange.getRequestHeaders().getFirst(ATTRIBUTES_HEADER);
        if (!admitted.tryAcquire()) {
            drain(exchange.getRequestBody());
            send(exchange, Invocations.error(503, "overloaded", "the model is busy; try again shortly", attributes));
            return;
        }
        inFlight.incrementAndGet();
        try {
            String length = exchange.getRequestHeaders().getFirst("Content-Length");
            if (length != null && parseLong(length) > invocations.maxPayloadBytes()) {
                drain(exchange.getRequestBody());
                send(exchange, Invocations.payloadTooLarge(invocations.maxPayloadBytes(), attributes));
                return;
            }
            byte[] body = readLimited(exchange.getRequestBody(), invocations.maxPayloadBytes());
            if (body == null) {
                drain(exchange.getRequestBody());
                send(exchange, Invocations.payloadTooLarge(invocations.maxPayloadBytes(), attributes));
                return;
            }
            tracing.acquireUninterruptibly();
            Reply reply;
            try {
                reply = invocations.invoke(exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst("Accept"), attributes, body);
            } catch (RuntimeException | OutOfMemoryError e) {
                LOG.log(Level.SEVERE, "invocation failed", e);
                reply = Invocations.error(500, "internal_error", "the model failed on this request", attributes);
            } finally {
                tracing.release();
            }
            send(exchange, reply);
        } finally {
            inFlight.decrementAndGet();
            admitted.release();
        }
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The body, or null when it is longer than {@code limit} (chunked uploads have no length header). */
    private static byte[] readLimited(InputStream in, long limit) throws IOException {
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        return body.length > limit ? null : body;
    }

    /**
     * Reads and discards a refused body (up to {@link #DRAIN_LIMIT_BYTES}) so that a client still
     * sending it gets to read the answer instead of a broken connection; memory use stays constant.
     */
    private static void drain(InputStream body) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while (total < DRAIN_LIMIT_BYTES && (n = body.read(buffer)) > 0) {
            total += n;
        }
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        if (reply.customAttributes() != null) {
            exchange.getResponseHeaders().set(ATTRIBUTES_HEADER, reply.customAttributes());
        }
        exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
        if (reply.body().length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }

    /** Requests being answered right now (admitted, not yet done). */
    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Refuses new invocations (503), lets those in flight finish (up to the grace period), then stops.
     * JDK 17's {@code HttpServer.stop(delay)} always waits the whole delay when idle (JDK-8304065),
     * so the server counts its own exchanges and stops with no delay once they are done.
     */
    @Override
    public void close() {
        stopping = true;
        long deadline = System.nanoTime() + config.graceSeconds() * 1_000_000_000L;
        while (active.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        http.stop(0);
        io.shutdownNow();
    }
}
