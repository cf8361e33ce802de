package dev.cuddlies.warmth.switches;

import java.time.Duration;

/**
 * A heating pad's switch, whatever the protocol. Drivers translate commands into their wire format
 * and nothing else: every limit is decided before a driver is called. All commands are idempotent.
 * A command returns normally only when the device (or its cloud, on the device's behalf) confirmed
 * it; anything else is a {@link DeviceException}.
 */
public interface SwitchDriver {

    /**
     * What a driver can guarantee.
     *
     * @param armsBackstop the device confirms a self-timed auto-off before the relay closes; without
     *                     it the warmth core refuses to heat
     */
    record Capabilities(boolean armsBackstop) {
    }

    /** A short name for logs ("eWeLink", "Sonoff LAN"…). */
    String name();

    Capabilities capabilities();

    /**
     * Arms the device-side auto-off for {@code backstop}, waits for the device to confirm it, and only
     * then closes the relay; so the device switches itself off after {@code backstop} even if nothing
     * ever calls again.
     */
    void heatOn(Duration backstop) throws DeviceException;

    /** Opens the relay (and ends any device-side thermostat mode); returns once the device confirmed off. */
    void heatOff() throws DeviceException;

    /** The relay's state and the sensor's reading as the device reports them now. */
    SwitchReport read() throws DeviceException;
}
