package dev.cuddlies.warmth.switches;

import dev.cuddlies.warmth.Probe;

import java.net.URI;
import java.util.function.Supplier;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * IFTTT Webhooks: {@code POST /trigger/{event}/with/key/{key}} with {@code value1..3}. Fire and
 * forget: no state can be read back and no device-side backstop can be confirmed from here, so the
 * warmth core never heats through it ({@link Capabilities#armsBackstop()} is false) and an off is
 * never confirmed ({@link DeviceException.Kind#UNCONFIRMED} once the webhook was accepted). It can
 * still send the off event to a heater someone switched on another way. value1 = target °C,
 * value2 = minutes, value3 = "cuddlies".
 */
public final class IftttDriver implements SwitchDriver {

    public static final String ON_EVENT = "cuddlie_heat_on";
    public static final String OFF_EVENT = "cuddlie_heat_off";

    private final URI base;
    private final Supplier<String> key;
    private final JsonHttp http;

    /** @param base {@code https://maker.ifttt.com} in production */
    public IftttDriver(URI base, String key) {
        this(base, () -> key);
    }

    /** @param key read at each call, so a rotated key is used as soon as it is stored */
    public IftttDriver(URI base, Supplier<String> key) {
        this.base = base;
        this.key = key;
        this.http = new JsonHttp(JsonHttp.TIMEOUT, Duration.ZERO);
    }

    @Override
    public String name() {
        return "IFTTT";
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(false);
    }

    /** Never called by the warmth core (no confirmable backstop); fires the on event with the minutes. */
    @Override
    public void heatOn(Duration backstop) throws DeviceException {
        fire(ON_EVENT, "", String.valueOf(Math.max(1, backstop.toMinutes())));
    }

    @Override
    public void heatOff() throws DeviceException {
        fire(OFF_EVENT, "", "");
        throw new DeviceException(DeviceException.Kind.UNCONFIRMED, "IFTTT accepted the off event but cannot confirm it");
    }

    @Override
    public SwitchReport read() {
        return new SwitchReport(SwitchReport.Relay.UNKNOWN, new Probe.Unreadable("IFTTT reports nothing"));
    }

    private void fire(String event, String value1, String value2) throws DeviceException {
        String body = JsonHttp.JSON.createObjectNode().put("value1", value1).put("value2", value2)
                .put("value3", "cuddlies").toString();
        URI uri = base.resolve("/trigger/" + event + "/with/key/"
                + URLEncoder.encode(Credentials.read(key, "IFTTT webhook key"), StandardCharsets.UTF_8));
        JsonTransport.Answer a = http.send("POST", uri, Map.of(), body);
        if (a.status() == 401 || a.status() == 403) {
            throw new DeviceException(DeviceException.Kind.REFUSED, "IFTTT refused the webhook key");
        }
        if (a.status() / 100 != 2) {
            throw new DeviceException(DeviceException.Kind.FAILED, "IFTTT answered " + a.status());
        }
    }
}
