package dev.cuddlies.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.cuddlies.outline.WorkBudget;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
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
 * <p>Against slow and hostile clients (issue 12):
 * <ul>
 *   <li>Every connection gets its own thread from an unbounded pool, so a client that is slow to send
 *       its headers or body cannot keep {@code /ping} or anyone else waiting. The JDK server reads
 *       headers on that thread; its JVM-wide limits ({@link ConnectionLimits#installJvmWide()}, set by
 *       {@code serve}) disconnect a request not read whole within the read timeout, close idle
 *       connections and cap their number, which caps the threads.</li>
 *   <li>A body is read before the request is admitted: only a request whose body has arrived whole
 *       takes one of the {@code workers + queue} places, so dripping clients cannot make others 503.
 *       Bodies take memory from one shared {@link BodyMemory} as bytes arrive.</li>
 *   <li>An admitted request waits for a worker no longer than its deadline, and its
 *       {@link WorkBudget} is cancelled when the server stops after the grace period.</li>
 * </ul>
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
    private final BodyMemory bodies;
    private final Invocations invocations;
    private final ServerConfig config;
    private final Set<WorkBudget> running = ConcurrentHashMap.newKeySet();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean stopping;

    private SageMakerServer(ServerConfig config, Invocations invocations) throws IOException {
        this.config = config.checkValidity();
        this.invocations = invocations;
        this.admitted = new Semaphore(config.workers() + config.queue());
        this.tracing = new Semaphore(config.workers(), true);
        this.bodies = new BodyMemory(config.connections().bufferedBodyBytes());
        // One thread per open request: the JDK server parses headers on it, so a bounded pool would let
        // slow clients starve /ping. Threads are bounded by jdk.httpserver.maxConnections instead.
        this.io = Executors.newCachedThreadPool(r -> {
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
                    refuse(exchange, Invocations.error(405, "method_not_allowed", "use GET /ping", null));
                }
                return;
            }
            if (!path.equals("/invocations") && !ENDPOINT_PATH.matcher(path).matches()) {
                refuse(exchange, Invocations.error(404, "not_found", "use POST /invocations", null));
                return;
            }
            if (!method.equals("POST")) {
                refuse(exchange, Invocations.error(405, "method_not_allowed", "use POST " + path, null));
                return;
            }
            if (stopping) {
                refuse(exchange, Invocations.error(503, "shutting_down", "the model is shutting down", null));
                return;
            }
            invoke(exchange);
        } catch (IOException e) {
            LOG.log(Level.FINE, "client went away or was too slow", e);
        } finally {
            active.decrementAndGet();
        }
    }

    private void invoke(HttpExchange exchange) throws IOException {
        WorkBudget budget = invocations.budgetFromNow();
        String attributes = exchange.getRequestHeaders().getFirst(ATTRIBUTES_HEADER);
        long declared = parseLong(exchange.getRequestHeaders().getFirst("Content-Length"));
        if (declared > invocations.maxPayloadBytes()) {
            drain(exchange.getRequestBody(), declared);
            refuse(exchange, Invocations.payloadTooLarge(invocations.maxPayloadBytes(), attributes));
            return;
        }
        try (BodyMemory.Lease lease = bodies.lease()) {
            byte[] body;
            try {
                body = lease.read(exchange.getRequestBody(), invocations.maxPayloadBytes());
            } catch (BodyMemory.Refused e) {
                if (e.refusal() == BodyMemory.Refusal.TOO_LARGE) {
                    drain(exchange.getRequestBody(), DRAIN_LIMIT_BYTES);
                }
                refuse(exchange, e.refusal() == BodyMemory.Refusal.TOO_LARGE
                        ? Invocations.payloadTooLarge(invocations.maxPayloadBytes(), attributes)
                        : Invocations.error(503, "overloaded", "the model is busy; try again shortly", attributes));
                return;
            }
            if (!admitted.tryAcquire()) {
                send(exchange, Invocations.error(503, "overloaded", "the model is busy; try again shortly", attributes));
                return;
            }
            inFlight.incrementAndGet();
            running.add(budget);
            try {
                send(exchange, trace(exchange, body, attributes, budget));
            } finally {
                running.remove(budget);
                inFlight.decrementAndGet();
                admitted.release();
            }
        }
    }

    private Reply trace(HttpExchange exchange, byte[] body, String attributes, WorkBudget budget) {
        try {
            if (!tracing.tryAcquire(budget.remainingNanos(), TimeUnit.NANOSECONDS)) {
                return Invocations.error(503, "overloaded", "no worker was free before the request's deadline",
                        attributes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Invocations.error(503, "shutting_down", "the model is shutting down", attributes);
        }
        try {
            return invocations.invoke(exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Accept"), attributes, body, budget);
        } catch (RuntimeException | OutOfMemoryError e) {
            LOG.log(Level.SEVERE, "invocation failed", e);
            return Invocations.error(500, "internal_error", "the model failed on this request", attributes);
        } finally {
            tracing.release();
        }
    }

    /**
     * Reads and discards a refused body, up to {@link #DRAIN_LIMIT_BYTES}, so that a client still
     * sending it gets to read the 413 instead of a broken pipe. No memory is kept, and the read timeout
     * ends it for a client that declared a body and never sends it.
     */
    private static void drain(InputStream body, long declaredBytes) throws IOException {
        if (declaredBytes > DRAIN_LIMIT_BYTES) {
            return;
        }
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while (total < DRAIN_LIMIT_BYTES && (n = body.read(buffer)) > 0) {
            total += n;
        }
    }

    private static long parseLong(String s) {
        if (s == null) {
            return -1;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Answers a request whose body is not wanted and closes the connection: the JDK server then
     * discards at most 64 KB of it instead of waiting for a body that may never come.
     */
    private static void refuse(HttpExchange exchange, Reply reply) throws IOException {
        exchange.getResponseHeaders().set("Connection", "close");
        send(exchange, reply);
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

    /** Bytes of request bodies held right now, read or being read. */
    public long bufferedBodyBytes() {
        return bodies.usedBytes();
    }

    /**
     * Refuses new invocations (503), lets those in flight finish (up to the grace period), cancels
     * what is still running, then stops. JDK 17's {@code HttpServer.stop(delay)} always waits the
     * whole delay when idle (JDK-8304065), so the server counts its own exchanges and stops with no
     * delay once they are done.
     */
    @Override
    public void close() {
        stopping = true;
        long deadline = System.nanoTime() + config.graceSeconds() * 1_000_000_000L;
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            pause();
        }
        running.forEach(WorkBudget::cancel);
        while (active.get() > 0 && System.nanoTime() < deadline + 1_000_000_000L) {
            pause();
        }
        http.stop(0);
        io.shutdownNow();
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
