package dev.cuddlies.devices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuddlies.devices.FaultPlan.Command;
import dev.cuddlies.devices.FaultPlan.RequestFault;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ways a real Sonoff is reached, simulated without the network: the eWeLink cloud API v2 (app id,
 * nonce, bearer token and request signature checked; 402 when the token has expired, 401 for a token
 * it does not know), the DIY LAN API ({@code /zeroconf/*}; firmware 1.4 sends {@code data} as a JSON
 * string), and an IFTTT Webhooks endpoint whose applet switches the device with a device timer. The
 * device's {@link FaultPlan} decides, per request, whether it answers, with what, and whether the
 * connection drops. {@link #handle} is the whole protocol; {@link SonoffSimServer} serves it on
 * loopback HTTP, and a test that is not about the wire can call it directly.
 */
public class SonoffApis {

    public static final String DEVICE_ID = "1000a1b2c3";
    public static final String APP_ID = "sim-app-id";
    public static final String APP_SECRET = "sim-app-secret";
    public static final String IFTTT_KEY = "sim-ifttt-key";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How a reply reaches the client. */
    public enum Delivery {
        ANSWER,
        /** Nothing comes back: the client times out. */
        NO_ANSWER,
        /** The connection closes without an answer. */
        DROP
    }

    /** What the simulator does with a request. */
    public record Reply(int status, String body, String contentType, Delivery delivery) {
        static Reply json(int status, String body) {
            return new Reply(status, body, "application/json", Delivery.ANSWER);
        }

        static Reply none(Delivery d) {
            return new Reply(0, "", "", d);
        }
    }

    private volatile SimulatedSonoffTh device;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final AtomicInteger seq = new AtomicInteger();
    private final AtomicInteger refreshes = new AtomicInteger();
    private volatile String accessToken = "sim-access-token-1";
    private volatile String refreshToken = "sim-refresh-token-1";
    private volatile boolean tokenExpired;
    private volatile int cloudFailureStatus;
    private volatile boolean lanDataAsString;
    private volatile boolean logging = true;

    public SonoffApis(SimulatedSonoffTh device) {
        this.device = device;
    }

    public SimulatedSonoffTh device() {
        return device;
    }

    /** Puts another device behind the same endpoints (a fresh toy for the next session). */
    public void use(SimulatedSonoffTh next) {
        this.device = next;
    }

    /** Every request received, in order ("POST /zeroconf/pulse {…}"). */
    public List<String> log() {
        return log;
    }

    /** Stops (or restarts) keeping the request log, for long runs. */
    public SonoffApis logging(boolean on) {
        this.logging = on;
        return this;
    }

    public String accessToken() {
        return accessToken;
    }

    public String refreshToken() {
        return refreshToken;
    }

    /** How many token refreshes the cloud granted. */
    public int refreshes() {
        return refreshes.get();
    }

    /** The next calls with the current access token get error 402 until it is refreshed. */
    public void expireToken() {
        tokenExpired = true;
    }

    /** The account was unlinked: every token the functions hold is unknown to the cloud (401). */
    public void revokeTokens() {
        accessToken = "sim-access-token-revoked";
        refreshToken = "sim-refresh-token-revoked";
    }

    /** Makes the eWeLink cloud answer with this HTTP status (0 = healthy). */
    public void failCloud(int status) {
        cloudFailureStatus = status;
    }

    /** DIY firmware 1.4: {@code data} is sent as a JSON string inside the JSON answer. */
    public SonoffApis firmware14() {
        return firmware14(true);
    }

    /** Whether the LAN API answers as DIY firmware 1.4 does. */
    public SonoffApis firmware14(boolean on) {
        lanDataAsString = on;
        return this;
    }

    /**
     * The whole protocol for one request, without the network.
     *
     * @param target path and query, e.g. {@code /zeroconf/info} or {@code /v2/device/thing/status?type=1…}
     */
    public Reply handle(String method, String target, Map<String, String> headers, String body) {
        if (logging) {
            log.add(method + " " + target + " " + body);
        }
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        try {
            if (path.startsWith("/zeroconf/")) {
                return lan(path, body);
            }
            if (path.startsWith("/v2/")) {
                return ewelink(method, path, headers, body);
            }
            if (path.startsWith("/trigger/")) {
                return ifttt(path, body);
            }
            return Reply.json(404, "{}");
        } catch (IOException e) {
            return Reply.json(400, "{\"error\":400}");
        }
    }

    /** Header names are case-insensitive on the wire. */
    private static String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- DIY LAN mode
    private Reply lan(String path, String body) throws IOException {
        SimulatedSonoffTh d = device;
        if (!d.online()) {
            return Reply.none(Delivery.DROP); // a device that is off the network does not answer at all
        }
        JsonNode req;
        try {
            req = JSON.readTree(body);
        } catch (IOException e) {
            return lanAnswer(400, null);
        }
        if (!DEVICE_ID.equals(req.path("deviceid").asText())) {
            return lanAnswer(404, null);
        }
        JsonNode data = req.path("data");
        Command command = switch (path) {
            case "/zeroconf/switch" -> data.path("switch").asText().equals("on") ? Command.SWITCH_ON : Command.SWITCH_OFF;
            case "/zeroconf/pulse" -> Command.ARM_BACKSTOP;
            case "/zeroconf/info" -> Command.READ;
            default -> Command.OTHER;
        };
        RequestFault fault = d.faults().onRequest(command);
        switch (fault) {
            case ERROR -> {
                return lanAnswer(400, null);
            }
            case NO_ANSWER -> {
                return Reply.none(Delivery.NO_ANSWER);
            }
            case DROP -> {
                return Reply.none(Delivery.DROP);
            }
            case GARBAGE -> {
                return new Reply(200, "{\"seq\":" + seq.incrementAndGet() + ",\"err", "application/json", Delivery.ANSWER);
            }
            default -> {
                // acts below
            }
        }
        Reply reply;
        switch (path) {
            case "/zeroconf/switch" -> {
                String s = data.path("switch").asText();
                if (!s.equals("on") && !s.equals("off")) {
                    return lanAnswer(422, null);
                }
                d.setRelay(s.equals("on"));
                reply = lanAnswer(0, null);
            }
            case "/zeroconf/pulse" -> {
                long width = data.path("pulseWidth").asLong(-1);
                boolean on = data.path("pulse").asText().equals("on");
                if (on && (width < 500 || width > 36_000_000 || width % 500 != 0)) {
                    return lanAnswer(422, null);
                }
                d.setPulse(on ? Duration.ofMillis(width) : null);
                reply = lanAnswer(0, null);
            }
            case "/zeroconf/info" -> {
                ObjectNode info = JSON.createObjectNode().put("switch", d.relayOn() ? "on" : "off")
                        .put("deviceid", DEVICE_ID);
                if (d.hasSensor()) {
                    putTemperature(info, d.sense());
                }
                reply = lanAnswer(0, info);
            }
            default -> {
                return lanAnswer(400, null);
            }
        }
        return fault == RequestFault.DROP_AFTER_ACTING ? Reply.none(Delivery.DROP) : reply;
    }

    /** {@code currentTemperature} as the firmware writes it (a string), or what the fault makes of it. */
    private static void putTemperature(ObjectNode params, SimulatedSonoffTh.Sensed s) {
        String text = switch (s.fault()) {
            case NONE, STALE, FUTURE -> String.valueOf(s.celsius()); // no timestamps on this API: nothing to stamp wrong
            case SILENT -> "unavailable";
            case DASHES -> "--";
            case GARBAGE -> "temp?";
            case NAN -> "NaN";
            case MINUS_127 -> "-127";
            case NEGATIVE_INFINITY -> "-Infinity";
            case HUGE -> "1e9";
        };
        params.put("currentTemperature", text);
    }

    private Reply lanAnswer(int error, ObjectNode data) {
        ObjectNode a = JSON.createObjectNode().put("seq", seq.incrementAndGet()).put("error", error);
        if (data != null) {
            if (lanDataAsString) {
                a.put("data", data.toString());
            } else {
                a.set("data", data);
            }
        }
        return Reply.json(200, a.toString());
    }

    // ---------------------------------------------------------------- eWeLink cloud API v2
    private Reply ewelink(String method, String path, Map<String, String> headers, String body) throws IOException {
        SimulatedSonoffTh d = device;
        if (cloudFailureStatus != 0) {
            return Reply.json(cloudFailureStatus, "{\"error\":" + cloudFailureStatus + ",\"msg\":\"simulated outage\"}");
        }
        String appId = header(headers, "X-CK-Appid");
        String nonce = header(headers, "X-CK-Nonce");
        String auth = header(headers, "Authorization");
        if (!APP_ID.equals(appId)) {
            return ewelinkAnswer(407, "app id not permitted", null);
        }
        if (nonce == null || !nonce.matches("[A-Za-z0-9]{8}")) {
            return ewelinkAnswer(400, "bad nonce", null);
        }
        if (path.equals("/v2/user/refresh")) {
            return refresh(auth, body);
        }
        if (auth == null || !auth.equals("Bearer " + accessToken)) {
            return ewelinkAnswer(401, "bad token", null);
        }
        if (tokenExpired) {
            return ewelinkAnswer(402, "token expired", null);
        }
        if (!path.equals("/v2/device/thing/status")) {
            return ewelinkAnswer(404, "no such api", null);
        }
        if (!d.online()) {
            return ewelinkAnswer(4002, "device offline", null);
        }
        JsonNode params = method.equals("GET") ? JSON.createObjectNode() : JSON.readTree(body).path("params");
        Command command = method.equals("GET") ? Command.READ
                : params.has("pulse") ? Command.ARM_BACKSTOP
                : params.path("switch").asText().equals("on") ? Command.SWITCH_ON
                : params.path("switch").asText().equals("off") ? Command.SWITCH_OFF : Command.OTHER;
        RequestFault fault = d.faults().onRequest(command);
        switch (fault) {
            case ERROR -> {
                return ewelinkAnswer(4002, "device did not respond", null);
            }
            case NO_ANSWER -> {
                return Reply.none(Delivery.NO_ANSWER);
            }
            case DROP -> {
                return Reply.none(Delivery.DROP);
            }
            case GARBAGE -> {
                return new Reply(502, "<html><body>502 Bad Gateway</body></html>", "text/html", Delivery.ANSWER);
            }
            default -> {
                // acts below
            }
        }
        Reply reply;
        if (method.equals("GET")) {
            ObjectNode state = JSON.createObjectNode().put("switch", d.relayOn() ? "on" : "off");
            if (d.hasSensor()) {
                putTemperature(state, d.sense());
            }
            ObjectNode data = JSON.createObjectNode();
            data.set("params", state);
            reply = ewelinkAnswer(0, "", data);
        } else {
            JsonNode req = JSON.readTree(body);
            if (req.path("type").asInt() != 1 || !DEVICE_ID.equals(req.path("id").asText())) {
                return ewelinkAnswer(405, "no such device", null);
            }
            control(d, params);
            reply = ewelinkAnswer(0, "", JSON.createObjectNode());
        }
        return fault == RequestFault.DROP_AFTER_ACTING ? Reply.none(Delivery.DROP) : reply;
    }

    private static void control(SimulatedSonoffTh d, JsonNode params) {
        if (params.has("targets")) {
            Double low = null;
            Double high = null;
            for (JsonNode t : params.path("targets")) {
                if (t.has("targetHigh")) {
                    high = Double.parseDouble(t.path("targetHigh").asText());
                }
                if (t.has("targetLow")) {
                    low = Double.parseDouble(t.path("targetLow").asText());
                }
            }
            d.setThermostat(low, high);
        }
        if (params.path("deviceType").asText().equals("normal")) {
            d.setThermostat(null, null);
        }
        if (params.has("pulse")) {
            d.setPulse(params.path("pulse").asText().equals("on") ? Duration.ofMillis(params.path("pulseWidth").asLong()) : null);
        }
        if (params.has("switch")) {
            d.setRelay(params.path("switch").asText().equals("on"));
        }
    }

    private synchronized Reply refresh(String auth, String body) throws IOException {
        if (auth == null || !auth.equals("Sign " + sign(body))) {
            return ewelinkAnswer(401, "bad signature", null);
        }
        if (!refreshToken.equals(JSON.readTree(body).path("rt").asText())) {
            return ewelinkAnswer(401, "bad refresh token", null);
        }
        // Rotation: the old pair stops working, as a token refresh does.
        int n = refreshes.incrementAndGet() + 1;
        accessToken = "sim-access-token-" + n;
        refreshToken = "sim-refresh-token-" + n;
        tokenExpired = false;
        return ewelinkAnswer(0, "", JSON.createObjectNode().put("at", accessToken).put("rt", refreshToken));
    }

    private static Reply ewelinkAnswer(int error, String msg, ObjectNode data) {
        ObjectNode a = JSON.createObjectNode().put("error", error).put("msg", msg);
        a.set("data", data == null ? JSON.createObjectNode() : data);
        return Reply.json(200, a.toString());
    }

    private static String sign(String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- IFTTT Webhooks
    private Reply ifttt(String path, String body) throws IOException {
        String[] parts = path.split("/"); // "", trigger, {event}, with, key, {key}
        if (parts.length != 6 || !parts[3].equals("with") || !parts[4].equals("key") || !IFTTT_KEY.equals(parts[5])) {
            return Reply.json(401, "{\"errors\":[{\"message\":\"You sent an invalid key.\"}]}");
        }
        String event = parts[2];
        JsonNode values = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        // The user's applet: "then turn the Sonoff on, with a timer of value2 minutes" / "then turn it off".
        if (event.equals("cuddlie_heat_on")) {
            long minutes = Math.max(1, values.path("value2").asLong(30));
            device.setPulse(Duration.ofMinutes(Math.min(60, minutes)));
            device.setRelay(true);
        } else if (event.equals("cuddlie_heat_off")) {
            device.setRelay(false);
        }
        return new Reply(200, "Congratulations! You've fired the " + event + " event", "text/plain", Delivery.ANSWER);
    }
}
