package dev.cuddlies.warmth.switches;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuddlies.warmth.Probe;
import dev.cuddlies.warmth.Reading;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Sonoff DIY / LAN mode: {@code POST http://<ip>:8081/zeroconf/{switch|pulse|info}} with
 * {@code {"deviceid","data":{…}}}; answers {@code {"seq","error","data"}} (firmware 1.4 sends
 * {@code data} as a JSON string). The backstop is the device's own inching ({@code pulse}), confirmed
 * before switching on. Plain switches (BASICR3, MINI) report no {@code currentTemperature}. At least
 * 200 ms between requests.
 */
public final class LanDriver implements SwitchDriver {

    private final URI device;
    private final String deviceId;
    private final JsonTransport transport;
    private final Clock clock;

    /** The device's own limit: at least this long between requests. */
    public static final Duration SPACING = Duration.ofMillis(200);

    /** @param device e.g. {@code http://192.168.1.50:8081} */
    public LanDriver(URI device, String deviceId, Clock clock) {
        this(device, deviceId, clock, new JsonHttp(JsonHttp.TIMEOUT, SPACING));
    }

    /** @param transport how requests reach the device ({@link JsonHttp} in production) */
    public LanDriver(URI device, String deviceId, Clock clock, JsonTransport transport) {
        this.device = device;
        this.deviceId = deviceId;
        this.clock = clock;
        this.transport = transport;
    }

    @Override
    public String name() {
        return "Sonoff LAN";
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(true);
    }

    @Override
    public void heatOn(Duration backstop) throws DeviceException {
        call("pulse", JsonHttp.JSON.createObjectNode().put("pulse", "on").put("pulseWidth", Inching.pulseWidthMillis(backstop)));
        call("switch", JsonHttp.JSON.createObjectNode().put("switch", "on"));
    }

    @Override
    public void heatOff() throws DeviceException {
        call("switch", JsonHttp.JSON.createObjectNode().put("switch", "off"));
    }

    @Override
    public SwitchReport read() throws DeviceException {
        ObjectNode data = call("info", JsonHttp.JSON.createObjectNode());
        SwitchReport.Relay relay = SwitchReport.relay(data.path("switch").asText(""));
        JsonNode t = data.get("currentTemperature");
        if (t == null) {
            return new SwitchReport(relay, new Probe.NoSensor());
        }
        return new SwitchReport(relay, Readings.parse(t, clock.instant()));
    }

    private ObjectNode call(String command, ObjectNode data) throws DeviceException {
        ObjectNode body = JsonHttp.JSON.createObjectNode().put("deviceid", deviceId);
        body.set("data", data);
        JsonTransport.Answer a = transport.send("POST", device.resolve("/zeroconf/" + command), Map.of(), body.toString());
        if (a.status() != 200) {
            throw new DeviceException(a.status() >= 500 ? DeviceException.Kind.OFFLINE : DeviceException.Kind.FAILED,
                    "the switch answered HTTP " + a.status() + " to " + command);
        }
        ObjectNode answer = JsonHttp.object(a.body(), "the switch");
        JsonNode error = answer.get("error");
        if (error == null || !error.canConvertToInt()) {
            throw new DeviceException(DeviceException.Kind.FAILED, "the switch's answer to " + command + " has no error code");
        }
        if (error.asInt() != 0) {
            throw new DeviceException(error.asInt() == 404 ? DeviceException.Kind.REFUSED : DeviceException.Kind.FAILED,
                    "the switch answered error " + error.asInt() + " to " + command);
        }
        return JsonHttp.member(answer, "data");
    }
}
