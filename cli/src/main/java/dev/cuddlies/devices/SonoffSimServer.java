package dev.cuddlies.devices;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The {@link SonoffApis} on loopback HTTP, as the real device and cloud are reached: an answer, no
 * answer (held open past the client's timeout), or a dropped connection, as the device's faults say.
 */
public final class SonoffSimServer extends SonoffApis implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sonoff-sim");
        t.setDaemon(true);
        return t;
    });
    private volatile Duration holdUnanswered = Duration.ofSeconds(3);

    public SonoffSimServer(SimulatedSonoffTh device) throws IOException {
        super(device);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(workers);
        server.createContext("/", this::http);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** How long an unanswered HTTP request is held open before the connection closes (past the client's timeout). */
    public SonoffSimServer holdUnanswered(Duration d) {
        holdUnanswered = d;
        return this;
    }

    @Override
    public SonoffSimServer firmware14() {
        super.firmware14();
        return this;
    }

    private void http(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new HashMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k, v.isEmpty() ? null : v.get(0)));
            Reply r = handle(ex.getRequestMethod(), ex.getRequestURI().toString(), headers, body);
            switch (r.delivery()) {
                case DROP -> {
                    // closing the exchange without a response drops the connection
                }
                case NO_ANSWER -> {
                    try {
                        Thread.sleep(holdUnanswered.toMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                case ANSWER -> {
                    byte[] b = r.body().getBytes(StandardCharsets.UTF_8);
                    ex.getResponseHeaders().set("Content-Type", r.contentType());
                    ex.sendResponseHeaders(r.status(), b.length == 0 ? -1 : b.length);
                    if (b.length > 0) {
                        ex.getResponseBody().write(b);
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
