package dev.cuddlies.devices;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A Sonoff TH with a heating pad in a plush toy, in simulated physics: with the pad on, the toy
 * warms toward {@link #PAD_EQUILIBRIUM_C}; off, it cools toward the room. Inching (pulse) switches it
 * off by itself; a device thermostat (targets) switches it between the low and high targets. Time
 * comes from a clock, so tests can run hours in milliseconds.
 */
public final class SimulatedSonoffTh {

    /** The toy's temperature if the pad stayed on for ever (why a backstop matters), °C. */
    public static final double PAD_EQUILIBRIUM_C = 47;
    /** Thermal time constant of a stuffed toy around a small pad. */
    static final Duration TAU = Duration.ofMinutes(12);
    private static final Duration STEP = Duration.ofSeconds(5);

    private final Clock clock;
    private final double roomC;
    private Instant lastUpdate;
    private double temperatureC;
    private boolean relayOn;
    private Instant pulseOffAt;
    private Duration pulseWidth;
    private Double thermostatLow;
    private Double thermostatHigh;
    private boolean sensorSilent;
    private boolean online = true;
    private double maxSeenC;

    public SimulatedSonoffTh(Clock clock, double roomC) {
        this.clock = clock;
        this.roomC = roomC;
        this.temperatureC = roomC;
        this.maxSeenC = roomC;
        this.lastUpdate = clock.instant();
    }

    /** Advances the physics to the clock's now. */
    public synchronized void update() {
        Instant now = clock.instant();
        while (lastUpdate.isBefore(now)) {
            Instant next = lastUpdate.plus(STEP).isAfter(now) ? now : lastUpdate.plus(STEP);
            if (relayOn && pulseOffAt != null && !next.isBefore(pulseOffAt)) {
                integrate(Duration.between(lastUpdate, pulseOffAt));
                lastUpdate = pulseOffAt;
                relayOn = false; // inching: the device's own timer
                pulseOffAt = null;
                continue;
            }
            integrate(Duration.between(lastUpdate, next));
            lastUpdate = next;
            if (thermostatHigh != null && mainSwitchThermostat()) {
                if (temperatureC >= thermostatHigh) {
                    relayOn = false;
                } else if (temperatureC < thermostatLow) {
                    setRelay(true);
                }
            }
        }
    }

    private boolean mainSwitchThermostat() {
        return thermostatLow != null;
    }

    private void integrate(Duration dt) {
        double target = relayOn ? PAD_EQUILIBRIUM_C : roomC;
        temperatureC = target + (temperatureC - target) * Math.exp(-(double) dt.toMillis() / TAU.toMillis());
        maxSeenC = Math.max(maxSeenC, temperatureC);
    }

    /** Switch on or off; switching on with inching armed starts the pulse timer. */
    public synchronized void setRelay(boolean on) {
        update();
        relayOn = on;
        pulseOffAt = on && pulseWidth != null ? clock.instant().plus(pulseWidth) : null;
    }

    public synchronized void setPulse(Duration width) {
        update();
        pulseWidth = width;
        if (relayOn && width != null) {
            pulseOffAt = clock.instant().plus(width);
        }
    }

    public synchronized void setThermostat(Double low, Double high) {
        update();
        thermostatLow = low;
        thermostatHigh = high;
    }

    public synchronized boolean relayOn() {
        update();
        return relayOn;
    }

    public synchronized double temperatureC() {
        update();
        return temperatureC;
    }

    /** The hottest the toy has been since the start. */
    public synchronized double maxSeenC() {
        update();
        return maxSeenC;
    }

    /** The sensor's reading, or null when it has gone silent. */
    public synchronized Double sensorReading() {
        update();
        return sensorSilent ? null : Math.round(temperatureC * 10) / 10.0;
    }

    public synchronized void setSensorSilent(boolean silent) {
        this.sensorSilent = silent;
    }

    public synchronized boolean online() {
        return online;
    }

    public synchronized void setOnline(boolean online) {
        this.online = online;
    }

    public synchronized Duration pulseWidth() {
        return pulseWidth;
    }

    /** Forces the toy's temperature (a test putting it on a radiator). */
    public synchronized void setTemperatureC(double c) {
        update();
        temperatureC = c;
        maxSeenC = Math.max(maxSeenC, c);
    }
}
