package dev.cuddlies.warmth.switches;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuddlies.warmth.Probe;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * eWeLink cloud API v2 for a Sonoff TH (or a plain switch): {@code POST /v2/device/thing/status} to
 * control, {@code GET /v2/device/thing/status} to read {@code currentTemperature} and {@code switch}.
 * Every request carries {@code X-CK-Appid}, {@code X-CK-Nonce} and {@code Authorization: Bearer}; the
 * token refresh is signed ({@code Authorization: Sign base64(HMAC-SHA256(appSecret, body))}).
 *
 * <p>The device's own thermostat mode is never used: it would switch the relay back on after the
 * inching backstop ended, with nobody deciding. Every command says {@code deviceType: normal}, which
 * also ends a thermostat mode someone set in the eWeLink app. Inching is armed (and confirmed by the
 * cloud) before anything that can close the relay.
 *
 * <p>Tokens come from an {@link EwelinkTokenStore} shared with the other functions: on 401/402/406
 * the shared pair is reloaded (another function may have rotated it); only if it is unchanged is it
 * refreshed, once. If the cloud still refuses, the account must be linked again
 * ({@link DeviceException.Kind#SIGNED_OUT}). Calls are spaced 500 ms apart (the cloud's limit).
 */
public final class EwelinkDriver implements SwitchDriver {

    private static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final int INVALID_TOKEN = 401;
    private static final int TOKEN_EXPIRED = 402;
    private static final int DENIED = 406;

    private final URI api;
    private final String appId;
    private final Supplier<String> appSecret;
    private final String deviceId;
    private final EwelinkTokenStore tokens;
    private final JsonTransport transport;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private EwelinkTokenStore.Stored inUse;

    /** The cloud's limits: at least this long between calls, and at most 300 calls in 5 minutes. */
    public static final Duration SPACING = Duration.ofMillis(500);
    static final int QUOTA_CALLS = 300;
    static final Duration QUOTA_WINDOW = Duration.ofMinutes(5);

    /** @param api the regional host, e.g. {@code https://eu-apia.coolkit.cc} ({@link #regionalHost}) */
    public EwelinkDriver(URI api, String appId, String appSecret, String deviceId, EwelinkTokenStore tokens, Clock clock) {
        this(api, appId, () -> appSecret, deviceId, tokens, clock, quotaHttp(SPACING));
    }

    /** @param appSecret read at each signature, so a rotated secret is used as soon as it is stored */
    public EwelinkDriver(URI api, String appId, Supplier<String> appSecret, String deviceId, EwelinkTokenStore tokens,
                         Clock clock) {
        this(api, appId, appSecret, deviceId, tokens, clock, quotaHttp(SPACING));
    }

    /** @param transport how requests reach the cloud ({@link #quotaHttp} in production) */
    public EwelinkDriver(URI api, String appId, String appSecret, String deviceId, EwelinkTokenStore tokens, Clock clock,
                         JsonTransport transport) {
        this(api, appId, () -> appSecret, deviceId, tokens, clock, transport);
    }

    private EwelinkDriver(URI api, String appId, Supplier<String> appSecret, String deviceId, EwelinkTokenStore tokens,
                          Clock clock, JsonTransport transport) {
        this.api = api;
        this.appId = appId;
        this.appSecret = appSecret;
        this.deviceId = deviceId;
        this.tokens = tokens;
        this.clock = clock;
        this.transport = transport;
    }

    /** HTTP within the cloud's limits: {@code spacing} between calls and at most 300 calls in 5 minutes. */
    public static JsonHttp quotaHttp(Duration spacing) {
        return new JsonHttp(JsonHttp.TIMEOUT, spacing, QUOTA_CALLS, QUOTA_WINDOW);
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
        return new Capabilities(true);
    }

    @Override
    public void heatOn(Duration backstop) throws DeviceException {
        // Inching first, in its own confirmed command: the relay may only close once the device has it.
        control(JsonHttp.JSON.createObjectNode().put("pulse", "on").put("pulseWidth", Inching.pulseWidthMillis(backstop)));
        control(JsonHttp.JSON.createObjectNode().put("switch", "on").put("mainSwitch", "on").put("deviceType", "normal"));
    }

    @Override
    public void heatOff() throws DeviceException {
        control(JsonHttp.JSON.createObjectNode().put("switch", "off").put("mainSwitch", "off").put("deviceType", "normal"));
    }

    @Override
    public SwitchReport read() throws DeviceException {
        ObjectNode data = call("GET", "/v2/device/thing/status?type=1&id=" + deviceId + "&params=currentTemperature%7Cswitch", null);
        ObjectNode params = JsonHttp.member(data, "params");
        SwitchReport.Relay relay = SwitchReport.relay(params.path("switch").asText(""));
        JsonNode t = params.get("currentTemperature");
        return new SwitchReport(relay, t == null ? new Probe.NoSensor() : Readings.parse(t, clock.instant()));
    }

    private void control(ObjectNode params) throws DeviceException {
        ObjectNode body = JsonHttp.JSON.createObjectNode().put("type", 1).put("id", deviceId);
        body.set("params", params);
        call("POST", "/v2/device/thing/status", body.toString());
    }

    private synchronized ObjectNode call(String method, String path, String body) throws DeviceException {
        if (inUse == null) {
            inUse = currentTokens();
        }
        EwelinkTokenStore.Stored used = inUse;
        ObjectNode answer = send(method, path, body, used);
        int error = error(answer);
        if (error == INVALID_TOKEN || error == TOKEN_EXPIRED || error == DENIED) {
            inUse = renew(used, error);
            answer = send(method, path, body, inUse);
            error = error(answer);
            if (error == INVALID_TOKEN || error == TOKEN_EXPIRED || error == DENIED) {
                throw new DeviceException(DeviceException.Kind.SIGNED_OUT,
                        "eWeLink refused the account's tokens (error " + error + "); link the account again");
            }
        }
        if (error != 0) {
            throw failure(error);
        }
        return JsonHttp.member(answer, "data");
    }

    /** The shared tokens; a store that cannot even be made (its secrets unreadable) is a device failure. */
    private EwelinkTokenStore.Stored currentTokens() throws DeviceException {
        try {
            return tokens.current();
        } catch (RuntimeException e) {
            throw new DeviceException(DeviceException.Kind.FAILED, "the eWeLink tokens could not be read");
        }
    }

    /** Tokens another function rotated if there are any, else one refresh saved for everyone. */
    private EwelinkTokenStore.Stored renew(EwelinkTokenStore.Stored used, int error) throws DeviceException {
        EwelinkTokenStore.Stored shared = currentTokens();
        if (!shared.tokens().equals(used.tokens())) {
            return shared;
        }
        if (error == DENIED) {
            throw new DeviceException(DeviceException.Kind.SIGNED_OUT, "eWeLink denied the account (error 406); link it again");
        }
        String body = JsonHttp.JSON.createObjectNode().put("rt", shared.tokens().refresh()).toString();
        Map<String, String> headers = headers();
        headers.put("Authorization", "Sign " + sign(Credentials.read(appSecret, "eWeLink app secret"), body));
        ObjectNode a = answer(transport.send("POST", api.resolve("/v2/user/refresh"), headers, body));
        if (error(a) != 0) {
            // Another function may have refreshed with the same refresh token a moment ago.
            EwelinkTokenStore.Stored again = currentTokens();
            if (!again.tokens().equals(used.tokens())) {
                return again;
            }
            throw new DeviceException(DeviceException.Kind.SIGNED_OUT,
                    "eWeLink sign-in has expired; link the account again (error " + error(a) + ")");
        }
        JsonNode data = JsonHttp.member(a, "data");
        String at = data.path("at").asText("");
        String rt = data.path("rt").asText("");
        if (at.isEmpty() || rt.isEmpty()) {
            throw new DeviceException(DeviceException.Kind.FAILED, "eWeLink's token refresh answer has no tokens");
        }
        return tokens.replace(shared, new EwelinkTokenStore.Tokens(at, rt));
    }

    private ObjectNode send(String method, String path, String body, EwelinkTokenStore.Stored with) throws DeviceException {
        Map<String, String> h = headers();
        h.put("Authorization", "Bearer " + with.tokens().access());
        return answer(transport.send(method, api.resolve(path), h, body));
    }

    /** The JSON answer; an HTTP error without one becomes {@code {"error": status}}. */
    private static ObjectNode answer(JsonTransport.Answer a) throws DeviceException {
        try {
            ObjectNode o = JsonHttp.object(a.body(), "eWeLink");
            if (a.status() / 100 != 2 && !o.has("error")) {
                o.put("error", a.status());
            }
            return o;
        } catch (DeviceException notJson) {
            if (a.status() / 100 != 2) {
                return JsonHttp.JSON.createObjectNode().put("error", a.status());
            }
            throw notJson;
        }
    }

    private static int error(ObjectNode a) throws DeviceException {
        JsonNode e = a.get("error");
        if (e == null || !e.canConvertToInt()) {
            throw new DeviceException(DeviceException.Kind.FAILED, "eWeLink's answer has no error code");
        }
        return e.asInt();
    }

    private static DeviceException failure(int error) {
        return switch (error) {
            case 407, 10004 -> new DeviceException(DeviceException.Kind.REFUSED,
                    "eWeLink refused the request (error " + error + ")");
            case 4002 -> new DeviceException(DeviceException.Kind.OFFLINE, "the switch did not respond (error 4002)");
            default -> new DeviceException(error >= 500 && error < 600 ? DeviceException.Kind.OFFLINE : DeviceException.Kind.FAILED,
                    "eWeLink answered error " + error);
        };
    }

    private Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-CK-Appid", appId);
        h.put("X-CK-Nonce", nonce());
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
}
