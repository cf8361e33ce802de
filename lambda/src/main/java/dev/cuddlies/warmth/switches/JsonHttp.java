package dev.cuddlies.warmth.switches;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * The HTTP part every cloud/LAN driver shares: JSON in and out, short timeouts, a minimum spacing
 * between calls (devices and clouds rate-limit), and failures mapped to {@link DeviceException}.
 */
final class JsonHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final Duration timeout;
    private final Duration spacing;
    private long lastCallNanos = System.nanoTime() - 1_000_000_000_000L;
    private final java.util.ArrayDeque<Long> window = new java.util.ArrayDeque<>();
    private final int maxCallsPerWindow;
    private final Duration windowLength;

    JsonHttp(Duration timeout, Duration spacing) {
        this(timeout, spacing, Integer.MAX_VALUE, Duration.ZERO);
    }

    /**
     * @param maxCallsPerWindow at most this many calls in any {@code windowLength} (a cloud's quota);
     *                          a call past it fails at once as TIMEOUT instead of being throttled there
     */
    JsonHttp(Duration timeout, Duration spacing, int maxCallsPerWindow, Duration windowLength) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
        this.spacing = spacing;
        this.maxCallsPerWindow = maxCallsPerWindow;
        this.windowLength = windowLength;
    }

    /** A response: status and parsed JSON body (or text as a JSON string). */
    record Answer(int status, JsonNode body, String text) {
    }

    synchronized Answer send(String method, URI uri, Map<String, String> headers, String body) throws DeviceException {
        checkQuota();
        waitForSpacing();
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = r.body().isBlank() ? JSON.nullNode() : JSON.readTree(r.body());
            } catch (IOException notJson) {
                json = JSON.getNodeFactory().textNode(r.body());
            }
            return new Answer(r.statusCode(), json, r.body());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new DeviceException(DeviceException.Kind.OFFLINE, "cannot reach " + uri.getHost(), e);
        } catch (HttpTimeoutException e) {
            throw new DeviceException(DeviceException.Kind.TIMEOUT, uri.getHost() + " did not answer in time", e);
        } catch (IOException e) {
            throw new DeviceException(DeviceException.Kind.OFFLINE, "connection to " + uri.getHost() + " failed", e);
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
}
