package dev.cuddlies.warmth.switches;

import java.util.Optional;

/** The two AWS IoT data-plane calls the Tasmota driver needs ({@link AwsIotData} in production). */
public interface IotData {

    /** Publishes {@code payload} to an MQTT topic (QoS 1). */
    void publish(String topic, String payload) throws DeviceException;

    /** The thing's shadow document, or empty when the thing has none yet. */
    Optional<String> shadow(String thing) throws DeviceException;
}
