package dev.cuddlies.devices;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A Sonoff switch with a heating pad in a plush toy, in simulated physics: with the pad on, the toy
 * warms toward {@link #PAD_EQUILIBRIUM_C}; off, it cools toward the room. Inching (pulse) switches it
 * off by itself; a device thermostat (targets) switches it between the low and high targets, as a
 * TH does when someone sets one. A TH has a sensor; a BASICR3 or MINI ({@link #withoutSensor()}) has
 * none. What goes wrong is the device's {@link FaultPlan}. Time comes from a clock, so tests run
 * hours in milliseconds; every relay change is logged with its time.
 */
public final class SimulatedSonoffTh {

    /** The toy's temperature if the pad stayed on for ever (why a backstop matters), °C. */
    public static final double PAD_EQUILIBRIUM_C = 47;
    /** Thermal time constant of a stuffed toy around a small pad. */
    static final Duration TAU = Duration.ofMinutes(12);
    private static final Duration STEP = Duration.ofSeconds(5);

    /** A relay change: when, and whether it closed. */
    public record Switch(Instant at, boolean on) {
    }

    /** What the sensor gives now: the true value (rounded as the device does), and the fault to show instead. */
    public record Sensed(double celsius, FaultPlan.SensorFault fault) {
    }

    private final Clock clock;
    private final double roomC;
    private Instant lastUpdate;
    private double temperatureC;
    private boolean relayOn;
    private Instant pulseOffAt;
    private Duration pulseWidth;
    private Double thermostatLow;
    private Double thermostatHigh;
    private boolean hasSensor = true;
    private boolean sensorSilent;
    private boolean online = true;
    private double maxSeenC;
    private double windowMaxC;
    private FaultPlan faults = FaultPlan.NONE;
    private final List<Switch> switches = new ArrayList<>();

    public SimulatedSonoffTh(Clock clock, double roomC) {
        this.clock = clock;
        this.roomC = roomC;
        this.temperatureC = roomC;
        this.maxSeenC = roomC;
        this.windowMaxC = roomC;
        this.lastUpdate = clock.instant();
    }

    /** A plain switch (BASICR3, MINI): no temperature sensor. */
    public synchronized SimulatedSonoffTh withoutSensor() {
        hasSensor = false;
        return this;
    }

    public synchronized boolean hasSensor() {
        return hasSensor;
    }

    /** What goes wrong from now on. */
    public synchronized SimulatedSonoffTh withFaults(FaultPlan plan) {
        this.faults = plan;
        return this;
    }

    public synchronized FaultPlan faults() {
        return faults;
    }

    /** Advances the physics to the clock's now. */
    public synchronized void update() {
        Instant now = clock.instant();
        while (lastUpdate.isBefore(now)) {
            Instant next = lastUpdate.plus(STEP).isAfter(now) ? now : lastUpdate.plus(STEP);
            if (relayOn && pulseOffAt != null && !next.isBefore(pulseOffAt)) {
                integrate(Duration.between(lastUpdate, pulseOffAt));
                lastUpdate = pulseOffAt;
                relay(false, pulseOffAt); // inching: the device's own timer
                pulseOffAt = null;
                continue;
            }
            integrate(Duration.between(lastUpdate, next));
            lastUpdate = next;
            if (thermostatHigh != null && thermostatLow != null) {
                if (temperatureC >= thermostatHigh) {
                    relay(false, next);
                } else if (temperatureC < thermostatLow && !relayOn) {
                    relay(true, next);
                    pulseOffAt = pulseWidth != null ? next.plus(pulseWidth) : null;
                }
            }
        }
    }

    private void integrate(Duration dt) {
        double target = relayOn ? PAD_EQUILIBRIUM_C : roomC;
        temperatureC = target + (temperatureC - target) * Math.exp(-(double) dt.toMillis() / TAU.toMillis());
        maxSeenC = Math.max(maxSeenC, temperatureC);
        windowMaxC = Math.max(windowMaxC, temperatureC);
    }

    private void relay(boolean on, Instant at) {
        if (on != relayOn) {
            switches.add(new Switch(at, on));
        }
        relayOn = on;
    }

    /** Switch on or off; switching on with inching armed starts the pulse timer. */
    public synchronized void setRelay(boolean on) {
        update();
        relay(on, clock.instant());
        pulseOffAt = on && pulseWidth != null ? clock.instant().plus(pulseWidth) : null;
    }

    /** Arms (or with null, disarms) inching; re-arming while on restarts the timer. */
    public synchronized void setPulse(Duration width) {
        update();
        pulseWidth = width;
        if (relayOn && width != null) {
            pulseOffAt = clock.instant().plus(width);
        } else if (width == null) {
            pulseOffAt = null;
        }
    }

    /** The device's own thermostat (eWeLink "targets"); null, null ends it. */
    public synchronized void setThermostat(Double low, Double high) {
        update();
        thermostatLow = low;
        thermostatHigh = high;
    }

    public synchronized boolean thermostatMode() {
        return thermostatHigh != null;
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

    /** The hottest since the last call (and restarts the window at the current temperature). */
    public synchronized double takeWindowMaxC() {
        update();
        double m = windowMaxC;
        windowMaxC = temperatureC;
        return m;
    }

    /** Every relay change so far, in order. */
    public synchronized List<Switch> switches() {
        update();
        return List.copyOf(switches);
    }

    /** When the pulse timer will open the relay, if it is running. */
    public synchronized Instant pulseOffAt() {
        update();
        return pulseOffAt;
    }

    /** The sensor's reading now, or null when it has gone silent (or there is none). */
    public synchronized Double sensorReading() {
        update();
        return sensorSilent || !hasSensor ? null : Math.round(temperatureC * 10) / 10.0;
    }

    /** A reading with the fault the plan chose for it (SILENT when the sensor is silenced). */
    public synchronized Sensed sense() {
        update();
        FaultPlan.SensorFault f = sensorSilent ? FaultPlan.SensorFault.SILENT : faults.onReading();
        return new Sensed(Math.round(temperatureC * 10) / 10.0, f);
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
        windowMaxC = Math.max(windowMaxC, c);
    }
}
