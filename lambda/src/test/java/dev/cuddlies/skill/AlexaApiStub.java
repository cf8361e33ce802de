package dev.cuddlies.skill;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Alexa's directive service on loopback ({@code POST /v1/directives}, answers 204), recording what
 * the skill sent, so the progressive response is checked on the wire and nothing leaves the machine;
 * and the settings API's device time zone ({@code GET /v2/devices/{id}/settings/System.timeZone}),
 * which answers 404 until a zone is set.
 */
public final class AlexaApiStub implements AutoCloseable {

    /** One directive call: its Authorization header and JSON body. */
    public record Call(String authorization, String body) {
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile String timeZone;

    public AlexaApiStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/v1/directives", exchange -> {
            try (exchange) {
                calls.add(new Call(exchange.getRequestHeaders().getFirst("Authorization"),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(204, -1);
            }
        });
        server.createContext("/v2/devices/", exchange -> {
            try (exchange) {
                String zone = timeZone;
                if (zone == null || !exchange.getRequestURI().getPath().endsWith("/settings/System.timeZone")) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = ("\"" + zone + "\"").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    /** The Echo's time zone the settings API reports from now on (e.g. "Europe/London"). */
    public AlexaApiStub timeZone(String zone) {
        this.timeZone = zone;
        return this;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Call> calls() {
        return calls;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
