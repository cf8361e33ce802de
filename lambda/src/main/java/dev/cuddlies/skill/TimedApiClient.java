package dev.cuddlies.skill;

import com.amazon.ask.model.services.ApiClient;
import com.amazon.ask.model.services.ApiClientRequest;
import com.amazon.ask.model.services.ApiClientResponse;
import com.amazon.ask.model.services.Pair;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Calls Alexa's service APIs (the progressive-response directive service) with short timeouts: a
 * slow Alexa API must not eat the 8 seconds the answer needs. The HTTP client (and its TLS set-up) is
 * made on first use, not when the container starts: many requests never call the API.
 */
final class TimedApiClient implements ApiClient {

    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final Duration timeout;
    private volatile HttpClient http;

    TimedApiClient(Duration timeout) {
        this.timeout = timeout;
    }

    private HttpClient http() {
        HttpClient h = http;
        if (h == null) {
            synchronized (this) {
                if (http == null) {
                    http = HttpClient.newBuilder().connectTimeout(timeout).build();
                }
                h = http;
            }
        }
        return h;
    }

    @Override
    public ApiClientResponse invoke(ApiClientRequest request) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(request.getUrl())).timeout(timeout);
        if (request.getHeaders() != null) {
            for (Pair<String, String> h : request.getHeaders()) {
                if (!RESTRICTED.contains(h.getName().toLowerCase(java.util.Locale.ROOT))) {
                    b.header(h.getName(), h.getValue());
                }
            }
        }
        String body = request.getBody();
        b.method(request.getMethod(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> r = http().send(b.build(), HttpResponse.BodyHandlers.ofString());
            ApiClientResponse response = new ApiClientResponse();
            response.setStatusCode(r.statusCode());
            response.setBody(r.body());
            List<Pair<String, String>> headers = new ArrayList<>();
            r.headers().map().forEach((k, vs) -> vs.forEach(v -> headers.add(new Pair<>(k, v))));
            response.setHeaders(headers);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException("Alexa API call failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Alexa API call interrupted", e);
        }
    }
}
