package dev.cuddlies.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuddlies.maker.UserKeys;
import dev.cuddlies.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The phone page and its JSON API, whatever serves it (the Lambda Function URL, the local server):
 * <ul>
 * <li>{@code GET /}, {@code /go}: the page; {@code /app.js}, {@code /app.css}</li>
 * <li>{@code GET /api/session}: whether this browser is paired</li>
 * <li>{@code POST /api/pair {"code":"123456"}}: pairs this browser (sets the session cookie)</li>
 * <li>{@code POST /api/uploads {"type":"image/jpeg"}}: a presigned POST form for one new picture</li>
 * <li>{@code GET /api/patterns}: the user's patterns with fresh links</li>
 * <li>{@code DELETE /api/patterns/<id>}: one pattern; {@code POST /api/forget}: everything</li>
 * </ul>
 * Changes need {@code Content-Type: application/json} (a cross-site form cannot send it without
 * asking first) and the SameSite=Strict session cookie. No answer carries the Alexa user id.
 */
public final class WebApp {

    public static final Duration UPLOAD_FORM_VALIDITY = Duration.ofMinutes(10);
    public static final Duration LINK_VALIDITY = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(WebApp.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final String JSON_TYPE = "application/json; charset=utf-8";

    private final PairingCodes pairing;
    private final Sessions sessions;
    private final UploadForms forms;
    private final PatternLibrary library;
    private final WebAssets assets;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public WebApp(PairingCodes pairing, Sessions sessions, UploadForms forms, PatternLibrary library, WebAssets assets,
                  Clock clock) {
        this.pairing = pairing;
        this.sessions = sessions;
        this.forms = forms;
        this.library = library;
        this.assets = assets;
        this.clock = clock;
    }

    public WebResponse handle(WebRequest request) {
        try {
            return route(request);
        } catch (StorageException e) {
            LOG.warn("storage failed: {} ({})", e.kind(), e.getMessage());
            return json(503, JSON.createObjectNode().put("error", "unavailable"));
        }
    }

    private WebResponse route(WebRequest r) throws StorageException {
        String path = r.path();
        boolean get = r.method().equals("GET") || r.method().equals("HEAD");
        if (get && (path.equals("/") || path.equals("/go") || path.equals("/go/"))) {
            return page(assets.get("index.html"));
        }
        if (get && !path.startsWith("/api/")) {
            return assets.find(path.substring(1)).map(this::page).orElseGet(() -> WebResponse.text(404, "not here\n"));
        }
        if (!get && !r.header("content-type").orElse("").startsWith("application/json")) {
            return error(415, "json-only");
        }
        Instant now = clock.instant();
        if (path.equals("/api/pair") && r.method().equals("POST")) {
            return pair(r, now);
        }
        Optional<Sessions.Session> session = session(r, now);
        return switch (r.method() + " " + (path.startsWith("/api/patterns/") ? "/api/patterns/*" : path)) {
            case "GET /api/session" -> json(200, JSON.createObjectNode().put("paired", session.isPresent()));
            case "POST /api/uploads" -> session.map(s -> uploadForm(s, r)).orElseGet(WebApp::notPaired);
            case "GET /api/patterns" -> session.isEmpty() ? notPaired() : patterns(session.get());
            case "DELETE /api/patterns/*" -> session.isEmpty() ? notPaired()
                    : library.delete(session.get().userKey(), path.substring("/api/patterns/".length()))
                    ? WebResponse.of(204, JSON_TYPE, new byte[0]) : error(404, "no-such-pattern");
            case "POST /api/forget" -> session.isEmpty() ? notPaired() : forget(session.get());
            default -> error(404, "no-such-call");
        };
    }

    private WebResponse pair(WebRequest r, Instant now) throws StorageException {
        String code = body(r).path("code").asText("");
        PairingOutcome outcome = pairing.redeem(code, r.clientAddress());
        if (outcome instanceof PairingOutcome.Paired p) {
            String cookie = sessions.cookieValue(p.userKey(), p.linkedAt());
            return json(200, JSON.createObjectNode().put("paired", true))
                    .withCookie(sessions.setCookie(cookie, p.linkedAt(), now));
        }
        if (outcome instanceof PairingOutcome.WrongCode w) {
            return json(400, JSON.createObjectNode().put("error", "wrong-code").put("triesLeft", w.triesLeft()));
        }
        if (outcome instanceof PairingOutcome.Expired) {
            return error(400, "expired");
        }
        if (outcome instanceof PairingOutcome.TooManyTries t) {
            return json(429, JSON.createObjectNode().put("error", "too-many-tries")
                    .put("retryAfterMinutes", Math.max(1, (t.retryAfter().toSeconds() + 59) / 60)));
        }
        return error(400, "not-a-code");
    }

    private Optional<Sessions.Session> session(WebRequest r, Instant now) throws StorageException {
        Optional<Sessions.Session> s = sessions.read(r.cookies().get(Sessions.COOKIE), now);
        if (s.isEmpty()) {
            return s;
        }
        Optional<Instant> linked = pairing.linkedAt(s.get().userKey());
        return linked.isPresent() && linked.get().equals(s.get().linkedAt()) ? s : Optional.empty();
    }

    private WebResponse uploadForm(Sessions.Session s, WebRequest r) {
        String type = body(r).path("type").asText("image/jpeg");
        String extension = switch (type) {
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/webp" -> ".webp";
            default -> null;
        };
        if (extension == null) {
            return error(400, "not-a-picture-type");
        }
        byte[] nonce = new byte[4];
        random.nextBytes(nonce);
        String key = UserKeys.uploadsPrefix(s.userKey()) + STAMP.format(clock.instant()) + "-"
                + HexFormat.of().formatHex(nonce) + extension;
        UploadForm form = forms.form(key, UPLOAD_FORM_VALIDITY);
        ObjectNode out = JSON.createObjectNode();
        out.put("action", form.action().toString());
        out.put("maxBytes", form.maxBytes());
        ObjectNode fields = out.putObject("fields");
        form.fields().forEach(fields::put);
        return json(200, out);
    }

    private WebResponse patterns(Sessions.Session s) throws StorageException {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode list = out.putArray("patterns");
        for (PatternLibrary.Entry e : library.list(s.userKey(), LINK_VALIDITY)) {
            ObjectNode p = list.addObject();
            p.put("id", e.id());
            p.put("made", e.made().toString());
            e.preview().ifPresent(u -> p.put("preview", u.toString()));
            e.stuffed().ifPresent(u -> p.put("stuffed", u.toString()));
            e.pdf().ifPresent(u -> p.put("pdf", u.toString()));
            e.svg().ifPresent(u -> p.put("svg", u.toString()));
        }
        return json(200, out);
    }

    private WebResponse forget(Sessions.Session s) throws StorageException {
        library.deleteEverything(s.userKey());
        pairing.forget(s.userKey());
        return json(200, JSON.createObjectNode().put("forgotten", true)).withCookie(sessions.clearCookie());
    }

    private static JsonNode body(WebRequest r) {
        try {
            JsonNode n = JSON.readTree(r.body());
            return n == null ? JSON.createObjectNode() : n;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static WebResponse notPaired() {
        return error(401, "not-paired");
    }

    private static WebResponse error(int status, String code) {
        return json(status, JSON.createObjectNode().put("error", code));
    }

    private static WebResponse json(int status, JsonNode body) {
        return new WebResponse(status, JSON_TYPE, body.toString().getBytes(StandardCharsets.UTF_8),
                Map.of("Cache-Control", "no-store"), List.of());
    }

    private WebResponse page(WebAssets.Asset asset) {
        String origin = origin(forms.action());
        String csp = "default-src 'self'; img-src 'self' blob: " + origin + "; connect-src 'self' " + origin
                + "; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        return new WebResponse(200, asset.contentType(), asset.bytes(), Map.of("Content-Security-Policy", csp,
                "X-Content-Type-Options", "nosniff", "Referrer-Policy", "no-referrer", "Cache-Control", "no-cache"),
                List.of());
    }

    private static String origin(URI u) {
        return u.getScheme() + "://" + u.getRawAuthority();
    }
}
