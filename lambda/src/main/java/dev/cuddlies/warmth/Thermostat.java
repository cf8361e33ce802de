package dev.cuddlies.warmth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the heater should be on now: a pure decision, so it can be tested on simulated time and
 * run wherever the control loop runs. It never heats above the target; unlike a generic hobby
 * thermostat it switches OFF when the reading is missing or stale, and refuses to heat above the
 * ceiling.
 */
public final class Thermostat {

    /** The decision and why. */
    public enum Decision {
        HEAT, IDLE, OFF_TIME_UP, OFF_NO_READING, OFF_STALE_READING, OFF_TOO_HOT
    }

    private final SafetyLimits limits;

    public Thermostat(SafetyLimits limits) {
        this.limits = limits;
    }

    /**
     * @param targetC     target, °C
     * @param until       end of the heating period
     * @param heatingNow  whether the heater is on (for hysteresis)
     * @param reading     the latest reading, if any
     */
    public Decision decide(Instant now, double targetC, Instant until, boolean heatingNow, Optional<Reading> reading) {
        if (!now.isBefore(until)) {
            return Decision.OFF_TIME_UP;
        }
        if (reading.isEmpty()) {
            return Decision.OFF_NO_READING;
        }
        Reading r = reading.get();
        if (Duration.between(r.at(), now).compareTo(limits.staleAfter()) > 0) {
            return Decision.OFF_STALE_READING;
        }
        if (r.celsius() >= limits.ceilingC()) {
            return Decision.OFF_TOO_HOT;
        }
        if (r.celsius() >= targetC) {
            return Decision.IDLE;
        }
        if (r.celsius() < targetC - limits.hysteresisC()) {
            return Decision.HEAT;
        }
        return heatingNow ? Decision.HEAT : Decision.IDLE; // inside the band: keep going the way it was
    }

    public static boolean heats(Decision d) {
        return d == Decision.HEAT;
    }
}
