package dev.cuddlies.warmth.switches;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;

/**
 * The HTTP transport every cloud/LAN driver shares: JSON in and out, short timeouts, a minimum spacing
 * between calls (devices and clouds rate-limit), and failures mapped to {@link DeviceException}.
 */
public final class JsonHttp implements JsonTransport {

    static final ObjectMapper JSON = new ObjectMapper();
    /** How long a device or cloud has to answer by default. */
    public static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final HttpClient http;
    private final Duration timeout;
    private final Duration spacing;
    private long lastCallNanos = System.nanoTime() - 1_000_000_000_000L;
    private final ArrayDeque<Long> window = new ArrayDeque<>();
    private final int maxCallsPerWindow;
    private final Duration windowLength;

    /**
     * @param timeout how long to wait to connect and for the answer
     * @param spacing minimum time between calls (real time, whatever clock the rest runs on)
     */
    public JsonHttp(Duration timeout, Duration spacing) {
        this(timeout, spacing, Integer.MAX_VALUE, Duration.ZERO);
    }

    /**
     * @param maxCallsPerWindow at most this many calls in any {@code windowLength} (a cloud's quota);
     *                          a call past it fails at once as TIMEOUT instead of being throttled there
     */
    public JsonHttp(Duration timeout, Duration spacing, int maxCallsPerWindow, Duration windowLength) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
        this.spacing = spacing;
        this.maxCallsPerWindow = maxCallsPerWindow;
        this.windowLength = windowLength;
    }

    @Override
    public synchronized Answer send(String method, URI uri, Map<String, String> headers, String body) throws DeviceException {
        checkQuota();
        waitForSpacing();
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            headers.forEach(b::header);
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new DeviceException(DeviceException.Kind.OFFLINE, "cannot reach " + uri.getHost(), e);
        } catch (HttpTimeoutException e) {
            throw new DeviceException(DeviceException.Kind.TIMEOUT, uri.getHost() + " did not answer in time", e);
        } catch (IOException e) {
            throw new DeviceException(DeviceException.Kind.OFFLINE, "connection to " + uri.getHost() + " failed", e);
        } catch (IllegalArgumentException e) {
            throw new DeviceException(DeviceException.Kind.FAILED, "bad request to " + uri.getHost(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException(DeviceException.Kind.TIMEOUT, "interrupted", e);
        } finally {
            lastCallNanos = System.nanoTime();
        }
    }

    private void checkQuota() throws DeviceException {
        long now = System.nanoTime();
        while (!window.isEmpty() && now - window.peekFirst() > windowLength.toNanos()) {
            window.pollFirst();
        }
        if (window.size() >= maxCallsPerWindow) {
            throw new DeviceException(DeviceException.Kind.TIMEOUT, "call quota reached; try again in a few minutes");
        }
        window.addLast(now);
    }

    /** Rate limits are about real time, whatever clock the rest of the code runs on. */
    private void waitForSpacing() {
        long waitNanos = lastCallNanos + spacing.toNanos() - System.nanoTime();
        if (waitNanos > 0) {
            try {
                Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The answer's body as a JSON object: firmware that sends {@code data} (or the whole answer) as
     * a JSON string inside JSON (Sonoff DIY 1.4) is unwrapped; anything else that is not an object
     * is a {@link DeviceException.Kind#FAILED} answer.
     */
    static ObjectNode object(String text, String what) throws DeviceException {
        try {
            JsonNode n = text == null || text.isBlank() ? null : JSON.readTree(text);
            if (n != null && n.isTextual()) {
                n = JSON.readTree(n.asText());
            }
            if (n instanceof ObjectNode o) {
                return o;
            }
        } catch (IOException e) {
            // below
        }
        throw new DeviceException(DeviceException.Kind.FAILED, what + " did not answer with JSON");
    }

    /** A member that may be an object or an object written as a JSON string; a missing or garbled one is empty. */
    static ObjectNode member(ObjectNode parent, String name) {
        JsonNode n = parent.get(name);
        if (n != null && n.isTextual()) {
            try {
                n = JSON.readTree(n.asText());
            } catch (IOException e) {
                n = null;
            }
        }
        return n instanceof ObjectNode o ? o : JSON.createObjectNode();
    }
}
