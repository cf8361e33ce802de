package dev.cuddlies.warmth.switches;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuddlies.warmth.Reading;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.util.function.Supplier;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * eWeLink cloud API v2 for a Sonoff TH (or any switch): {@code POST /v2/device/thing/status} to
 * control, {@code GET /v2/device/thing/status} to read {@code currentTemperature}. Every request
 * carries {@code X-CK-Appid}, {@code X-CK-Nonce} and {@code Authorization: Bearer}; the token refresh
 * is signed ({@code Authorization: Sign base64(HMAC-SHA256(appSecret, body))}). Error 402 refreshes
 * the token once and retries. Calls are spaced 500 ms apart (the cloud's limit).
 */
public final class EwelinkDriver implements SwitchDriver {

    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int TOKEN_EXPIRED = 402;

    private final URI api;
    private final String appId;
    private final Supplier<String> appSecret;
    private final String deviceId;
    private final EwelinkTokens tokens;
    private final JsonHttp http;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /** The cloud's limits: at least this long between calls, and at most 300 calls in 5 minutes. */
    public static final Duration SPACING = Duration.ofMillis(500);
    static final int QUOTA_CALLS = 300;
    static final Duration QUOTA_WINDOW = Duration.ofMinutes(5);

    /** @param api the regional host, e.g. {@code https://eu-apia.coolkit.cc} ({@link #regionalHost}) */
    public EwelinkDriver(URI api, String appId, String appSecret, String deviceId, EwelinkTokens tokens, Clock clock) {
        this(api, appId, () -> appSecret, deviceId, tokens, clock, SPACING);
    }

    /** @param appSecret read at each signature, so a rotated secret is used as soon as it is stored */
    public EwelinkDriver(URI api, String appId, Supplier<String> appSecret, String deviceId, EwelinkTokens tokens,
                         Clock clock) {
        this(api, appId, appSecret, deviceId, tokens, clock, SPACING);
    }

    /** @param spacing minimum time between calls (tests on simulated time use less) */
    public EwelinkDriver(URI api, String appId, String appSecret, String deviceId, EwelinkTokens tokens, Clock clock,
                         Duration spacing) {
        this(api, appId, () -> appSecret, deviceId, tokens, clock, spacing);
    }

    private EwelinkDriver(URI api, String appId, Supplier<String> appSecret, String deviceId, EwelinkTokens tokens,
                          Clock clock, Duration spacing) {
        this.api = api;
        this.appId = appId;
        this.appSecret = appSecret;
        this.deviceId = deviceId;
        this.tokens = tokens;
        this.clock = clock;
        this.http = new JsonHttp(Duration.ofSeconds(2), spacing, QUOTA_CALLS, QUOTA_WINDOW);
    }

    /** The API host of a region: cn, as, us or eu. */
    public static URI regionalHost(String region) {
        String r = region.toLowerCase(Locale.ROOT);
        return switch (r) {
            case "cn" -> URI.create("https://cn-apia.coolkit.cn");
            case "as", "us", "eu" -> URI.create("https://" + r + "-apia.coolkit.cc");
            default -> throw new IllegalArgumentException("unknown eWeLink region '" + region + "'; use cn, as, us or eu");
        };
    }

    @Override
    public String name() {
        return "eWeLink";
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(true, true, true);
    }

    @Override
    public void heatOn(Duration backstop, double targetC) throws DeviceException {
        // Device thermostat first (never above the target), then the inching backstop, then on.
        ObjectNode thermostat = JsonHttp.JSON.createObjectNode().put("deviceType", "temperature").put("mainSwitch", "on");
        var targets = thermostat.putArray("targets");
        targets.addObject().put("targetHigh", format(targetC)).putObject("reaction").put("switch", "off");
        targets.addObject().put("targetLow", format(targetC - 0.5)).putObject("reaction").put("switch", "on");
        control(thermostat);
        control(JsonHttp.JSON.createObjectNode().put("pulse", "on").put("pulseWidth", Inching.pulseWidthMillis(backstop)));
        control(JsonHttp.JSON.createObjectNode().put("switch", "on"));
    }

    @Override
    public void heatOff() throws DeviceException {
        control(JsonHttp.JSON.createObjectNode().put("switch", "off").put("mainSwitch", "off").put("deviceType", "normal"));
    }

    @Override
    public Optional<Reading> read() throws DeviceException {
        JsonNode data = call("GET", "/v2/device/thing/status?type=1&id=" + deviceId + "&params=currentTemperature%7Cswitch", null);
        String t = data.path("params").path("currentTemperature").asText("");
        if (t.isBlank() || t.equals("unavailable")) {
            return Optional.empty();
        }
        return Optional.of(new Reading(Double.parseDouble(t), clock.instant()));
    }

    private void control(ObjectNode params) throws DeviceException {
        ObjectNode body = JsonHttp.JSON.createObjectNode().put("type", 1).put("id", deviceId);
        body.set("params", params);
        call("POST", "/v2/device/thing/status", body.toString());
    }

    private JsonNode call(String method, String path, String body) throws DeviceException {
        JsonHttp.Answer a = http.send(method, api.resolve(path), bearer(), body);
        if (error(a) == TOKEN_EXPIRED) {
            refresh();
            a = http.send(method, api.resolve(path), bearer(), body);
        }
        int error = error(a);
        if (error != 0) {
            throw failure(error, a);
        }
        return a.body().path("data");
    }

    private void refresh() throws DeviceException {
        String body = JsonHttp.JSON.createObjectNode()
                .put("rt", Credentials.read(tokens::refreshToken, "eWeLink refresh token")).toString();
        Map<String, String> headers = headers();
        headers.put("Authorization", "Sign " + sign(body));
        JsonHttp.Answer a = http.send("POST", api.resolve("/v2/user/refresh"), headers, body);
        if (error(a) != 0) {
            throw new DeviceException(DeviceException.Kind.REFUSED,
                    "eWeLink sign-in has expired; link the account again (error " + error(a) + ")");
        }
        tokens.replace(a.body().path("data").path("at").asText(), a.body().path("data").path("rt").asText());
    }

    private static int error(JsonHttp.Answer a) {
        return a.status() / 100 != 2 && !a.body().has("error") ? a.status() : a.body().path("error").asInt(0);
    }

    private static DeviceException failure(int error, JsonHttp.Answer a) {
        return switch (error) {
            case 406, 407, 10004 -> new DeviceException(DeviceException.Kind.REFUSED,
                    "eWeLink refused the request (error " + error + ")");
            case 4002 -> new DeviceException(DeviceException.Kind.OFFLINE, "the switch did not respond (error 4002)");
            default -> new DeviceException(a.status() >= 500 ? DeviceException.Kind.OFFLINE : DeviceException.Kind.FAILED,
                    "eWeLink answered error " + error);
        };
    }

    private Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-CK-Appid", appId);
        h.put("X-CK-Nonce", nonce());
        return h;
    }

    private Map<String, String> bearer() throws DeviceException {
        Map<String, String> h = headers();
        h.put("Authorization", "Bearer " + Credentials.read(tokens::accessToken, "eWeLink access token"));
        return h;
    }

    private String nonce() {
        StringBuilder s = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            s.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return s.toString();
    }

    /** base64(HMAC-SHA256(appSecret, body)): the eWeLink request signature. */
    static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sign(String body) throws DeviceException {
        return sign(Credentials.read(appSecret, "eWeLink app secret"), body);
    }

    private static String format(double c) {
        return String.format(Locale.ROOT, "%.1f", c);
    }
}
