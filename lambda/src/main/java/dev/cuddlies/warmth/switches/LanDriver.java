package dev.cuddlies.warmth.switches;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuddlies.warmth.Reading;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Sonoff DIY / LAN mode: {@code POST http://<ip>:8081/zeroconf/{switch|pulse|info}} with
 * {@code {"deviceid","data":{…}}}; answers {@code {"seq","error","data"}}. The backstop is the
 * device's own inching ({@code pulse}), armed before switching on. At least 200 ms between requests.
 */
public final class LanDriver implements SwitchDriver {

    private final URI device;
    private final String deviceId;
    private final JsonHttp http;
    private final Clock clock;

    /** The device's own limit: at least this long between requests. */
    public static final Duration SPACING = Duration.ofMillis(200);

    /** @param device e.g. {@code http://192.168.1.50:8081} */
    public LanDriver(URI device, String deviceId, Clock clock) {
        this(device, deviceId, clock, SPACING);
    }

    /** @param spacing minimum time between requests (tests on simulated time use less) */
    public LanDriver(URI device, String deviceId, Clock clock, Duration spacing) {
        this.device = device;
        this.deviceId = deviceId;
        this.clock = clock;
        this.http = new JsonHttp(Duration.ofSeconds(2), spacing);
    }

    @Override
    public String name() {
        return "Sonoff LAN";
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(true, true, false);
    }

    @Override
    public void heatOn(Duration backstop, double targetC) throws DeviceException {
        ObjectNode pulse = JsonHttp.JSON.createObjectNode().put("pulse", "on")
                .put("pulseWidth", Inching.pulseWidthMillis(backstop));
        call("pulse", pulse);
        call("switch", JsonHttp.JSON.createObjectNode().put("switch", "on"));
    }

    @Override
    public void heatOff() throws DeviceException {
        call("switch", JsonHttp.JSON.createObjectNode().put("switch", "off"));
    }

    @Override
    public Optional<Reading> read() throws DeviceException {
        JsonNode data = call("info", JsonHttp.JSON.createObjectNode());
        JsonNode t = data.path("currentTemperature");
        if (t.isMissingNode() || t.asText().isBlank() || t.asText().equals("unavailable")) {
            return Optional.empty();
        }
        return Optional.of(new Reading(Double.parseDouble(t.asText()), clock.instant()));
    }

    private JsonNode call(String command, ObjectNode data) throws DeviceException {
        ObjectNode body = JsonHttp.JSON.createObjectNode().put("deviceid", deviceId);
        body.set("data", data);
        JsonHttp.Answer a = http.send("POST", device.resolve("/zeroconf/" + command), Map.of(), body.toString());
        int error = a.body().path("error").asInt(a.status() == 200 ? 0 : a.status());
        if (a.status() != 200 || error != 0) {
            throw new DeviceException(error == 404 ? DeviceException.Kind.REFUSED : DeviceException.Kind.FAILED,
                    "the switch answered error " + error + " to " + command);
        }
        return a.body().path("data");
    }
}
