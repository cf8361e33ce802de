package dev.cuddlies.warmth.switches;

import dev.cuddlies.warmth.Reading;

import java.time.Duration;
import java.util.Optional;

/**
 * A heating pad's switch, whatever the protocol. Drivers translate commands into their wire format
 * and nothing else: every limit is decided before a driver is called. All commands are idempotent.
 */
public interface SwitchDriver {

    /** What a driver can do, so callers and answers can say what is (and is not) guaranteed. */
    record Capabilities(boolean deviceBackstop, boolean reportsTemperature, boolean deviceThermostat) {
    }

    /** A short name for logs and answers ("eWeLink", "Sonoff LAN"…). */
    String name();

    Capabilities capabilities();

    /**
     * Switches the heater on with the device-side backstop armed for {@code backstop} where the device
     * supports one, so it switches off by itself even if nothing ever calls again. The backstop is
     * armed before the heater is switched on.
     */
    void heatOn(Duration backstop, double targetC) throws DeviceException;

    /** Switches the heater off (and clears any device thermostat). */
    void heatOff() throws DeviceException;

    /** The device's temperature reading, where it has a sensor. */
    Optional<Reading> read() throws DeviceException;
}
