package dev.cuddlies;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A loopback HTTP proxy in front of a real protocol server (S3Mock, the model server) that can fail or
 * delay chosen requests, so the client sees real HTTP errors and real timeouts, not mocks.
 */
public final class FaultyProxy implements AutoCloseable {

    /** What to do with a request the rule matches. */
    public enum Fault { NONE, ERROR_500, ERROR_503, DELAY }

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "expect",
            "transfer-encoding", "upgrade", "keep-alive");

    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final URI target;
    private volatile Fault fault = Fault.NONE;
    private volatile Predicate<String> matches = line -> true;
    private volatile Duration delay = Duration.ZERO;

    public FaultyProxy(URI target) throws IOException {
        this.target = target;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Applies {@code f} to requests whose "METHOD /path" line matches; others pass through. */
    public FaultyProxy fail(Fault f, Predicate<String> requestLine) {
        this.fault = f;
        this.matches = requestLine;
        return this;
    }

    public FaultyProxy delayBy(Duration d, Predicate<String> requestLine) {
        this.delay = d;
        return fail(Fault.DELAY, requestLine);
    }

    public FaultyProxy heal() {
        return fail(Fault.NONE, line -> false);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String line = ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath();
            byte[] body = ex.getRequestBody().readAllBytes();
            Fault f = matches.test(line) ? fault : Fault.NONE;
            if (f == Fault.ERROR_500 || f == Fault.ERROR_503) {
                byte[] err = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>InternalError</Code>"
                        + "<Message>injected failure</Message></Error>").getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/xml");
                ex.sendResponseHeaders(f == Fault.ERROR_500 ? 500 : 503, err.length);
                ex.getResponseBody().write(err);
                return;
            }
            if (f == Fault.DELAY) {
                Thread.sleep(delay.toMillis());
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(target.resolve(ex.getRequestURI().toString()))
                    .method(ex.getRequestMethod(), body.length == 0 && !ex.getRequestMethod().equals("PUT")
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            ex.getRequestHeaders().forEach((k, vs) -> {
                if (!HOP_BY_HOP.contains(k.toLowerCase(Locale.ROOT))) {
                    vs.forEach(v -> b.header(k, v));
                }
            });
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            r.headers().map().forEach((k, vs) -> {
                if (!HOP_BY_HOP.contains(k.toLowerCase(Locale.ROOT)) && !k.equals(":status")) {
                    vs.forEach(v -> ex.getResponseHeaders().add(k, v));
                }
            });
            boolean noBody = r.body().length == 0 || ex.getRequestMethod().equals("HEAD");
            String length = r.headers().firstValue("Content-Length").orElse(null);
            if (ex.getRequestMethod().equals("HEAD") && length != null) {
                ex.getResponseHeaders().set("Content-Length", length);
            }
            ex.sendResponseHeaders(r.statusCode(), noBody ? -1 : r.body().length);
            if (!noBody) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(r.body());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (a timeout on its side): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
