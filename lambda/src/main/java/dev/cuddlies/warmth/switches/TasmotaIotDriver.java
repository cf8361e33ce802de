package dev.cuddlies.warmth.switches;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuddlies.warmth.Probe;
import dev.cuddlies.warmth.Reading;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Tasmota through AWS IoT. Switching on is one MQTT message, {@code cmnd/<topic>/Backlog} with
 * {@code PulseTime <n>; Power ON}: the device applies its own auto-off before the relay can close,
 * and a lost message closes nothing. Switching off publishes {@code cmnd/<topic>/POWER OFF} and is
 * confirmed only when the thing's shadow reports {@code POWER: OFF} in an update newer than the
 * command (IoT rules copy {@code stat/<topic>/RESULT} and {@code tele/<topic>/SENSOR} into the
 * shadow's reported state). Temperatures come from the shadow, with the shadow's own timestamps (so
 * a silent sensor shows as stale) and Tasmota's {@code TempUnit} (C or F).
 */
public final class TasmotaIotDriver implements SwitchDriver {

    /** How long an off may take to show in the shadow before it counts as unconfirmed. */
    public static final Duration CONFIRM_WITHIN = Duration.ofSeconds(2);
    /** The backend's and AWS IoT's clocks may differ by this much, in seconds. */
    private static final long CLOCK_SKEW_S = 2;
    private static final Duration POLL_EVERY = Duration.ofMillis(100);

    private final IotData iot;
    private final String topic;
    private final String thing;
    private final Clock clock;
    private final Duration confirmWithin;
    private final Duration pollEvery;

    public TasmotaIotDriver(IotDataPlaneClient iot, String topic, String thing, Clock clock) {
        this(new AwsIotData(iot), topic, thing, clock, CONFIRM_WITHIN, POLL_EVERY);
    }

    /**
     * @param confirmWithin how long to wait (real time) for the shadow to show an off
     * @param pollEvery     how often to look meanwhile
     */
    public TasmotaIotDriver(IotData iot, String topic, String thing, Clock clock, Duration confirmWithin,
                            Duration pollEvery) {
        this.iot = iot;
        this.topic = topic;
        this.thing = thing;
        this.clock = clock;
        this.confirmWithin = confirmWithin;
        this.pollEvery = pollEvery;
    }

    @Override
    public String name() {
        return "Tasmota";
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(true);
    }

    /**
     * Tasmota's PulseTime: 1–111 are tenths of a second (0.1–11.1 s), 112–64900 are seconds plus 100
     * (12 s and up; two hours = 7300). Rounded down, so the device never stays on longer than asked.
     */
    public static int pulseTime(Duration backstop) {
        long ms = Math.max(100, backstop.toMillis());
        if (ms < 12_000) {
            return (int) Math.min(111, ms / 100);
        }
        return (int) Math.min(64900, ms / 1000 + 100);
    }

    @Override
    public void heatOn(Duration backstop) throws DeviceException {
        iot.publish("cmnd/" + topic + "/Backlog", "PulseTime " + pulseTime(backstop) + "; Power ON");
    }

    @Override
    public void heatOff() throws DeviceException {
        long before = shadow().map(s -> s.path("version").asLong(0)).orElse(0L);
        long sentAt = clock.instant().getEpochSecond();
        iot.publish("cmnd/" + topic + "/POWER", "OFF");
        long deadline = System.nanoTime() + confirmWithin.toNanos();
        while (true) {
            Optional<ObjectNode> now = shadow();
            if (now.isPresent() && confirmsOff(now.get(), before, sentAt)) {
                return;
            }
            if (System.nanoTime() >= deadline) {
                throw new DeviceException(DeviceException.Kind.UNCONFIRMED, "the switch did not report OFF after the command");
            }
            pause();
        }
    }

    /** POWER is OFF in a shadow update newer than the one read before the command, stamped no earlier than it. */
    private static boolean confirmsOff(ObjectNode shadow, long versionBefore, long sentAtSecond) {
        return shadow.path("version").asLong(0) > versionBefore
                && shadow.path("state").path("reported").path("POWER").asText("").equalsIgnoreCase("OFF")
                && shadow.path("metadata").path("reported").path("POWER").path("timestamp").asLong(0) >= sentAtSecond - CLOCK_SKEW_S;
    }

    @Override
    public SwitchReport read() throws DeviceException {
        Optional<ObjectNode> shadow = shadow();
        if (shadow.isEmpty()) {
            return new SwitchReport(SwitchReport.Relay.UNKNOWN, new Probe.NoSensor());
        }
        JsonNode reported = shadow.get().path("state").path("reported");
        SwitchReport.Relay relay = SwitchReport.relay(reported.path("POWER").asText(""));
        String unit = reported.path("TempUnit").asText("C");
        // reported: {"DS18B20": {"Temperature": 36.2}, "TempUnit": "C"} (any sensor name); metadata has
        // the same shape with timestamps.
        for (Iterator<Map.Entry<String, JsonNode>> it = reported.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> sensor = it.next();
            JsonNode t = sensor.getValue().get("Temperature");
            if (t == null) {
                continue;
            }
            long at = shadow.get().path("metadata").path("reported").path(sensor.getKey()).path("Temperature")
                    .path("timestamp").asLong(0);
            Probe probe = Readings.parse(t, Instant.ofEpochSecond(at));
            return new SwitchReport(relay, inCelsius(probe, unit));
        }
        return new SwitchReport(relay, new Probe.NoSensor());
    }

    private static Probe inCelsius(Probe probe, String unit) {
        if (!(probe instanceof Probe.Measured m) || unit.equalsIgnoreCase("C")) {
            return probe;
        }
        if (unit.equalsIgnoreCase("F")) {
            Reading r = m.reading();
            return new Probe.Measured(new Reading((r.celsius() - 32) * 5 / 9, r.at()));
        }
        return new Probe.Unreadable("TempUnit " + unit);
    }

    private Optional<ObjectNode> shadow() throws DeviceException {
        Optional<String> doc = iot.shadow(thing);
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(JsonHttp.object(doc.get(), "the thing shadow"));
    }

    private void pause() throws DeviceException {
        try {
            Thread.sleep(pollEvery.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException(DeviceException.Kind.UNCONFIRMED, "interrupted while waiting for the switch");
        }
    }
}
