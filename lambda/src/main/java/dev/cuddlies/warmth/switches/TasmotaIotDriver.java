package dev.cuddlies.warmth.switches;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuddlies.warmth.Reading;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;
import software.amazon.awssdk.services.iotdataplane.model.ResourceNotFoundException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Tasmota through AWS IoT: {@code IotDataPlaneClient.publish} to {@code cmnd/<topic>/PulseTime} (the
 * device-side backstop, armed first) and {@code cmnd/<topic>/POWER}; the temperature comes from the
 * thing's shadow, where an IoT rule copies {@code tele/<topic>/SENSOR} into the reported state, with
 * the shadow's own timestamp (so a silent sensor shows as stale).
 */
public final class TasmotaIotDriver implements SwitchDriver {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);

    private final IotDataPlaneClient iot;
    private final String topic;
    private final String thing;

    public TasmotaIotDriver(IotDataPlaneClient iot, String topic, String thing) {
        this.iot = iot;
        this.topic = topic;
        this.thing = thing;
    }

    @Override
    public String name() {
        return "Tasmota";
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(true, true, false);
    }

    /**
     * Tasmota's PulseTime: 1–111 are tenths of a second, 112–64900 are seconds plus 100
     * (two hours = 7300).
     */
    public static int pulseTime(Duration backstop) {
        long seconds = Math.max(1, backstop.toSeconds());
        if (seconds <= 11) {
            return (int) Math.max(1, backstop.toMillis() / 100);
        }
        return (int) Math.min(64900, seconds + 100);
    }

    @Override
    public void heatOn(Duration backstop, double targetC) throws DeviceException {
        publish("PulseTime", String.valueOf(pulseTime(backstop)));
        publish("POWER", "ON");
    }

    @Override
    public void heatOff() throws DeviceException {
        publish("POWER", "OFF");
    }

    @Override
    public Optional<Reading> read() throws DeviceException {
        JsonNode shadow;
        try {
            shadow = JSON.readTree(iot.getThingShadow(r -> r.thingName(thing)
                    .overrideConfiguration(o -> o.apiCallTimeout(CALL_TIMEOUT))).payload().asUtf8String());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new DeviceException(DeviceException.Kind.FAILED, "the thing shadow is not JSON", e);
        } catch (SdkException e) {
            throw translate(e, "read the thing shadow");
        }
        // reported: {"DS18B20": {"Temperature": 36.2}} (any sensor name), metadata has the same shape with timestamps.
        JsonNode reported = shadow.path("state").path("reported");
        for (Iterator<Map.Entry<String, JsonNode>> it = reported.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> sensor = it.next();
            JsonNode t = sensor.getValue().path("Temperature");
            if (t.isNumber()) {
                long at = shadow.path("metadata").path("reported").path(sensor.getKey()).path("Temperature")
                        .path("timestamp").asLong(0);
                return Optional.of(new Reading(t.asDouble(), Instant.ofEpochSecond(at)));
            }
        }
        return Optional.empty();
    }

    private void publish(String command, String payload) throws DeviceException {
        try {
            iot.publish(r -> r.topic("cmnd/" + topic + "/" + command).qos(1)
                    .payload(SdkBytes.fromString(payload, StandardCharsets.UTF_8))
                    .overrideConfiguration(o -> o.apiCallTimeout(CALL_TIMEOUT)));
        } catch (SdkException e) {
            throw translate(e, "publish " + command);
        }
    }

    private static DeviceException translate(SdkException e, String what) {
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return new DeviceException(DeviceException.Kind.TIMEOUT, "AWS IoT did not answer in time to " + what, e);
        }
        return new DeviceException(DeviceException.Kind.OFFLINE, "AWS IoT failed to " + what, e);
    }
}
