package dev.cuddlies.devices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tasmota firmware on a {@link SimulatedSonoffTh}, with the AWS IoT side of it: the commands it obeys
 * ({@code POWER}, {@code PulseTime}, {@code Backlog}), the {@code stat/RESULT} and {@code tele/SENSOR}
 * payloads it publishes, and the IoT rules that copy those into the thing shadow's reported state
 * with per-field timestamps, as AWS does. No transport here: {@link IotTasmotaSimulator} carries it
 * over HTTP and MQTT; a test that is not about the wire can call it directly.
 */
public final class SimulatedTasmota {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FUTURE = Duration.ofHours(1);

    private volatile SimulatedSonoffTh device;
    private final Clock clock;
    private volatile String tempUnit = "C";
    private ObjectNode shadow;
    /** The next SENSOR update is stamped an hour ahead (an IoT clock that ran ahead). */
    private volatile boolean futureStamp;

    public SimulatedTasmota(SimulatedSonoffTh device, Clock clock) {
        this.device = device;
        this.clock = clock;
    }

    public SimulatedSonoffTh device() {
        return device;
    }

    /** Another device behind the same firmware (a fresh toy), with an empty shadow. */
    public synchronized void use(SimulatedSonoffTh next) {
        device = next;
        shadow = null;
    }

    /** Tasmota's {@code TempUnit}: C or F. */
    public SimulatedTasmota tempUnit(String unit) {
        tempUnit = unit;
        return this;
    }

    /**
     * A command arriving on {@code cmnd/<topic>/<cmd>}: obeyed, and the {@code stat/<topic>/RESULT}
     * payloads it publishes returned (one per command in a Backlog).
     */
    public List<String> command(String cmd, String payload) {
        List<String> results = new ArrayList<>();
        if (cmd.equalsIgnoreCase("Backlog")) {
            for (String part : payload.split(";")) {
                String p = part.trim();
                if (!p.isEmpty()) {
                    int space = p.indexOf(' ');
                    results.add(one(space < 0 ? p : p.substring(0, space), space < 0 ? "" : p.substring(space + 1).trim()));
                }
            }
        } else {
            results.add(one(cmd, payload.trim()));
        }
        return results;
    }

    private String one(String cmd, String payload) {
        SimulatedSonoffTh d = device;
        if (cmd.equalsIgnoreCase("POWER") || cmd.equalsIgnoreCase("Power1")) {
            if (!payload.isEmpty()) {
                d.setRelay(payload.equalsIgnoreCase("ON") || payload.equals("1"));
            }
            return "{\"POWER\":\"" + (d.relayOn() ? "ON" : "OFF") + "\"}";
        }
        if (cmd.equalsIgnoreCase("PulseTime") || cmd.equalsIgnoreCase("PulseTime1")) {
            int v = Integer.parseInt(payload);
            d.setPulse(v == 0 ? null : v <= 111 ? Duration.ofMillis(v * 100L) : Duration.ofSeconds(v - 100L));
            return "{\"PulseTime1\":{\"Set\":" + v + ",\"Remaining\":" + v + "}}";
        }
        return "{\"Command\":\"Unknown\"}";
    }

    /**
     * The TelePeriod: the {@code tele/<topic>/SENSOR} payload the device publishes now, or empty when
     * it has no sensor or the reading's fault keeps it silent. Its fault decides what it says.
     */
    public Optional<String> sensorPayload() {
        SimulatedSonoffTh d = device;
        if (!d.hasSensor() || !d.online()) {
            return Optional.empty();
        }
        SimulatedSonoffTh.Sensed s = d.sense();
        double shown = tempUnit.equals("F") ? Math.round((s.celsius() * 9 / 5 + 32) * 10) / 10.0 : s.celsius();
        String value = switch (s.fault()) {
            case NONE, FUTURE -> String.valueOf(shown);
            case SILENT, STALE -> null;
            case DASHES -> "\"--\"";
            case GARBAGE -> "\"temp?\"";
            case NAN -> "\"NaN\"";
            case MINUS_127 -> "-127";
            case NEGATIVE_INFINITY -> "\"-Infinity\"";
            case HUGE -> "1e9";
        };
        if (value == null) {
            return Optional.empty();
        }
        futureStamp = s.fault() == FaultPlan.SensorFault.FUTURE;
        return Optional.of("{\"Time\":\"" + clock.instant() + "\",\"DS18B20\":{\"Temperature\":" + value + "},\"TempUnit\":\""
                + tempUnit + "\"}");
    }

    /**
     * The IoT rules: a {@code stat/RESULT} or {@code tele/SENSOR} payload merged into the shadow's
     * reported state, each field stamped with the time of the update.
     */
    public synchronized void report(String payload) {
        JsonNode in;
        try {
            in = JSON.readTree(payload);
        } catch (IOException e) {
            return; // an IoT rule's SQL cannot parse it: the shadow is not updated
        }
        boolean future = futureStamp && in.has("TempUnit");
        if (future) {
            futureStamp = false;
        }
        long stamp = clock.instant().plus(future ? FUTURE : Duration.ZERO).getEpochSecond();
        if (shadow == null) {
            shadow = JSON.createObjectNode();
            shadow.putObject("state").putObject("reported");
            shadow.putObject("metadata").putObject("reported");
            shadow.put("version", 0);
        }
        ObjectNode reported = (ObjectNode) shadow.path("state").path("reported");
        ObjectNode meta = (ObjectNode) shadow.path("metadata").path("reported");
        for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            reported.set(f.getKey(), f.getValue());
            meta.set(f.getKey(), stamps(f.getValue(), stamp));
        }
        shadow.put("version", shadow.path("version").asLong() + 1);
        shadow.put("timestamp", clock.instant().getEpochSecond());
    }

    /** Shadow metadata: the same shape as the value, each leaf a {@code {"timestamp": s}}. */
    private static JsonNode stamps(JsonNode value, long stamp) {
        if (!value.isObject()) {
            return JSON.createObjectNode().put("timestamp", stamp);
        }
        ObjectNode o = JSON.createObjectNode();
        value.fields().forEachRemaining(f -> o.set(f.getKey(), stamps(f.getValue(), stamp)));
        return o;
    }

    /** The thing shadow document, or empty before the first report. */
    public synchronized Optional<String> shadowDocument() {
        return shadow == null ? Optional.empty() : Optional.of(shadow.toString());
    }
}
