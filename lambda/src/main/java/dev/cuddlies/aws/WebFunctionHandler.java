package dev.cuddlies.aws;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuddlies.config.AppConfig;
import dev.cuddlies.config.Services;
import dev.cuddlies.maker.UserKeys;
import dev.cuddlies.storage.BlobStore;
import dev.cuddlies.web.WebApp;
import dev.cuddlies.web.WebRequest;
import dev.cuddlies.web.WebResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The web function's Lambda entry point ({@code dev.cuddlies.aws.WebFunctionHandler::handleRequest})
 * behind a Lambda Function URL: the URL's event (payload format 2.0) becomes a {@link WebRequest} for
 * the same {@link WebApp} the local server runs, and its answer the URL's response.
 */
public class WebFunctionHandler implements RequestStreamHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY_BYTES = 16 * 1024;

    private final WebApp app;

    /** For Lambda: configuration from the environment, clients built once per container. */
    public WebFunctionHandler() {
        this(fromEnvironment());
    }

    /** For tests and local runs. */
    public WebFunctionHandler(WebApp app) {
        this.app = app;
    }

    private static WebApp fromEnvironment() {
        AppConfig config = AppConfig.fromEnv(System.getenv());
        Clock clock = Clock.systemUTC();
        BlobStore store = Services.store(config);
        UserKeys keys = Services.userKeys(config, clock);
        return Services.web(config, store, keys, clock);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = JSON.readTree(input);
        WebResponse response = request(event).map(app::handle)
                .orElseGet(() -> WebResponse.text(413, "request too large\n"));
        JSON.writeValue(output, toEvent(response));
    }

    /** The Function URL event as a request; empty when its body is larger than any call needs. */
    static Optional<WebRequest> request(JsonNode event) {
        JsonNode http = event.path("requestContext").path("http");
        Map<String, String> headers = new HashMap<>();
        event.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText()));
        List<String> cookies = new ArrayList<>();
        event.path("cookies").forEach(c -> cookies.add(c.asText()));
        String body = event.path("body").asText("");
        byte[] bytes = event.path("isBase64Encoded").asBoolean(false) ? Base64.getDecoder().decode(body)
                : body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BODY_BYTES) {
            return Optional.empty();
        }
        String path = event.path("rawPath").asText(http.path("path").asText("/"));
        return Optional.of(new WebRequest(http.path("method").asText("GET"), path, headers,
                WebRequest.parseCookies(cookies), bytes, http.path("sourceIp").asText("unknown")));
    }

    static ObjectNode toEvent(WebResponse r) {
        ObjectNode out = JSON.createObjectNode();
        out.put("statusCode", r.status());
        ObjectNode headers = out.putObject("headers");
        headers.put("Content-Type", r.contentType());
        r.headers().forEach(headers::put);
        if (!r.setCookies().isEmpty()) {
            r.setCookies().forEach(out.putArray("cookies")::add);
        }
        out.put("body", Base64.getEncoder().encodeToString(r.body()));
        out.put("isBase64Encoded", true);
        return out;
    }
}
