package dev.cuddlies.devices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One simulated Sonoff TH reachable the ways the real one is, on loopback: the eWeLink cloud API v2
 * (app id, nonce, bearer token and request signature checked; 402 when the token has expired), the
 * DIY LAN API ({@code /zeroconf/*}), and an IFTTT Webhooks endpoint whose applet switches the
 * device with a device timer, as the README tells users to set theirs up.
 */
public final class SonoffSimServer implements AutoCloseable {

    public static final String DEVICE_ID = "1000a1b2c3";
    public static final String APP_ID = "sim-app-id";
    public static final String APP_SECRET = "sim-app-secret";
    public static final String IFTTT_KEY = "sim-ifttt-key";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final SimulatedSonoffTh device;
    private final List<String> log = new CopyOnWriteArrayList<>();
    private final AtomicInteger seq = new AtomicInteger();
    private volatile String accessToken = "sim-access-token-1";
    private volatile String refreshToken = "sim-refresh-token-1";
    private volatile boolean tokenExpired;
    private volatile int cloudFailureStatus;

    public SonoffSimServer(SimulatedSonoffTh device) throws IOException {
        this.device = device;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 32);
        server.createContext("/zeroconf/", this::lan);
        server.createContext("/v2/", this::ewelink);
        server.createContext("/trigger/", this::ifttt);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public SimulatedSonoffTh device() {
        return device;
    }

    /** Every request line received, in order ("POST /zeroconf/pulse {…}"). */
    public List<String> log() {
        return log;
    }

    public String accessToken() {
        return accessToken;
    }

    public String refreshToken() {
        return refreshToken;
    }

    /** The next calls with the current access token get error 402 until it is refreshed. */
    public void expireToken() {
        tokenExpired = true;
    }

    /** Makes the eWeLink cloud answer with this HTTP status (0 = healthy). */
    public void failCloud(int status) {
        cloudFailureStatus = status;
    }

    // ---------------------------------------------------------------- DIY LAN mode
    private void lan(HttpExchange ex) throws IOException {
        String body = body(ex);
        log.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " " + body);
        if (!device.online()) {
            ex.close(); // a device that is off the network does not answer at all
            return;
        }
        JsonNode req;
        try {
            req = JSON.readTree(body);
        } catch (IOException e) {
            lanAnswer(ex, 400, null);
            return;
        }
        if (!DEVICE_ID.equals(req.path("deviceid").asText())) {
            lanAnswer(ex, 404, null);
            return;
        }
        JsonNode data = req.path("data");
        switch (ex.getRequestURI().getPath()) {
            case "/zeroconf/switch" -> {
                String s = data.path("switch").asText();
                if (!s.equals("on") && !s.equals("off")) {
                    lanAnswer(ex, 422, null);
                    return;
                }
                device.setRelay(s.equals("on"));
                lanAnswer(ex, 0, null);
            }
            case "/zeroconf/pulse" -> {
                long width = data.path("pulseWidth").asLong(-1);
                boolean on = data.path("pulse").asText().equals("on");
                if (on && (width < 500 || width > 3_600_000 || width % 500 != 0)) {
                    lanAnswer(ex, 422, null);
                    return;
                }
                device.setPulse(on ? Duration.ofMillis(width) : null);
                lanAnswer(ex, 0, null);
            }
            case "/zeroconf/info" -> {
                ObjectNode info = JSON.createObjectNode().put("switch", device.relayOn() ? "on" : "off")
                        .put("deviceid", DEVICE_ID);
                Double t = device.sensorReading();
                info.put("currentTemperature", t == null ? "unavailable" : String.valueOf(t));
                lanAnswer(ex, 0, info);
            }
            default -> lanAnswer(ex, 400, null);
        }
    }

    private void lanAnswer(HttpExchange ex, int error, ObjectNode data) throws IOException {
        ObjectNode a = JSON.createObjectNode().put("seq", seq.incrementAndGet()).put("error", error);
        if (data != null) {
            a.set("data", data);
        }
        send(ex, 200, a.toString(), "application/json");
    }

    // ---------------------------------------------------------------- eWeLink cloud API v2
    private void ewelink(HttpExchange ex) throws IOException {
        String body = body(ex);
        String path = ex.getRequestURI().getPath();
        log.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " " + body);
        if (cloudFailureStatus != 0) {
            send(ex, cloudFailureStatus, "{\"error\":" + cloudFailureStatus + ",\"msg\":\"simulated outage\"}", "application/json");
            return;
        }
        String appId = ex.getRequestHeaders().getFirst("X-CK-Appid");
        String nonce = ex.getRequestHeaders().getFirst("X-CK-Nonce");
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        if (!APP_ID.equals(appId)) {
            ewelinkAnswer(ex, 407, "app id not permitted", null);
            return;
        }
        if (nonce == null || !nonce.matches("[A-Za-z0-9]{8}")) {
            ewelinkAnswer(ex, 400, "bad nonce", null);
            return;
        }
        if (path.equals("/v2/user/refresh")) {
            if (auth == null || !auth.equals("Sign " + sign(body))) {
                ewelinkAnswer(ex, 401, "bad signature", null);
                return;
            }
            if (!refreshToken.equals(JSON.readTree(body).path("rt").asText())) {
                ewelinkAnswer(ex, 401, "bad refresh token", null);
                return;
            }
            int n = Integer.parseInt(accessToken.substring(accessToken.lastIndexOf('-') + 1)) + 1;
            accessToken = "sim-access-token-" + n;
            refreshToken = "sim-refresh-token-" + n;
            tokenExpired = false;
            ewelinkAnswer(ex, 0, "", JSON.createObjectNode().put("at", accessToken).put("rt", refreshToken));
            return;
        }
        if (auth == null || !auth.equals("Bearer " + accessToken)) {
            ewelinkAnswer(ex, 401, "bad token", null);
            return;
        }
        if (tokenExpired) {
            ewelinkAnswer(ex, 402, "token expired", null);
            return;
        }
        if (!path.equals("/v2/device/thing/status")) {
            ewelinkAnswer(ex, 404, "no such api", null);
            return;
        }
        if (!device.online()) {
            ewelinkAnswer(ex, 4002, "device offline", null);
            return;
        }
        if (ex.getRequestMethod().equals("GET")) {
            ObjectNode params = JSON.createObjectNode().put("switch", device.relayOn() ? "on" : "off");
            Double t = device.sensorReading();
            params.put("currentTemperature", t == null ? "unavailable" : String.valueOf(t));
            ObjectNode data = JSON.createObjectNode();
            data.set("params", params);
            ewelinkAnswer(ex, 0, "", data);
            return;
        }
        JsonNode req = JSON.readTree(body);
        if (req.path("type").asInt() != 1 || !DEVICE_ID.equals(req.path("id").asText())) {
            ewelinkAnswer(ex, 405, "no such device", null);
            return;
        }
        JsonNode params = req.path("params");
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
            device.setThermostat(low, high);
        }
        if (params.path("deviceType").asText().equals("normal")) {
            device.setThermostat(null, null);
        }
        if (params.has("pulse")) {
            device.setPulse(params.path("pulse").asText().equals("on") ? Duration.ofMillis(params.path("pulseWidth").asLong()) : null);
        }
        if (params.has("switch")) {
            device.setRelay(params.path("switch").asText().equals("on"));
        }
        ewelinkAnswer(ex, 0, "", JSON.createObjectNode());
    }

    private void ewelinkAnswer(HttpExchange ex, int error, String msg, ObjectNode data) throws IOException {
        ObjectNode a = JSON.createObjectNode().put("error", error).put("msg", msg);
        a.set("data", data == null ? JSON.createObjectNode() : data);
        send(ex, 200, a.toString(), "application/json");
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
    private void ifttt(HttpExchange ex) throws IOException {
        String body = body(ex);
        log.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " " + body);
        String[] parts = ex.getRequestURI().getPath().split("/"); // "", trigger, {event}, with, key, {key}
        if (parts.length != 6 || !parts[3].equals("with") || !parts[4].equals("key") || !IFTTT_KEY.equals(parts[5])) {
            send(ex, 401, "{\"errors\":[{\"message\":\"You sent an invalid key.\"}]}", "application/json");
            return;
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
        send(ex, 200, "Congratulations! You've fired the " + event + " event", "text/plain");
    }

    private static String body(HttpExchange ex) throws IOException {
        return new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange ex, int status, String body, String type) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
