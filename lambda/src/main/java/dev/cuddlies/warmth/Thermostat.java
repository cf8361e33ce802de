package dev.cuddlies.warmth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether the heater should be on for the next control step, and for how long the device's own
 * timer is armed: a pure decision, so it can be tested on simulated time and run wherever the
 * control loop runs. It never heats above the target; unlike a generic hobby thermostat it switches
 * OFF when the reading is missing, stale or implausible, and refuses to heat at the ceiling.
 */
public final class Thermostat {

    /** The decision and why. */
    public enum Decision {
        HEAT, IDLE, TIMED_HEAT, TIMED_REST, OFF_TIME_UP, OFF_NO_READING, OFF_IMPLAUSIBLE_READING, OFF_STALE_READING,
        OFF_TOO_HOT;

        public boolean heats() {
            return this == HEAT || this == TIMED_HEAT;
        }
    }

    /**
     * One step's decision.
     *
     * @param pulse  how long the backstop is armed for when it heats (zero otherwise)
     * @param usable the reading it was based on, when usable
     */
    public record Step(Decision decision, Duration pulse, Optional<Reading> usable) {
        public boolean heats() {
            return decision.heats();
        }
    }

    private final SafetyPolicy policy;

    public Thermostat(SafetyPolicy policy) {
        this.policy = policy;
    }

    /**
     * @param session     the session being run
     * @param probe       what the sensor said this step (ignored in {@link WarmthSession.Mode#TIMED})
     * @param controlStep how often steps run
     */
    public Step decide(Instant now, WarmthSession.Active session, Probe probe, Duration controlStep) {
        if (!now.isBefore(session.until())) {
            return off(Decision.OFF_TIME_UP);
        }
        Duration left = Duration.between(now, session.until());
        if (session.mode() == WarmthSession.Mode.TIMED) {
            return timed(now, session, left, controlStep);
        }
        SafetyPolicy.Judgement judgement = policy.judge(probe, now, session.lastReading());
        switch (judgement) {
            case NO_SENSOR, UNREADABLE -> {
                return off(Decision.OFF_NO_READING);
            }
            case STALE -> {
                return off(Decision.OFF_STALE_READING);
            }
            case NOT_FINITE, OUT_OF_RANGE, FROM_THE_FUTURE, JUMPED -> {
                return off(Decision.OFF_IMPLAUSIBLE_READING);
            }
            case USABLE -> {
                // decided below
            }
        }
        Reading r = ((Probe.Measured) probe).reading();
        SafetyLimits limits = policy.limits();
        double targetC = Math.min(session.targetC(), limits.maxSetpointC());
        if (r.celsius() >= limits.ceilingC()) {
            return new Step(Decision.OFF_TOO_HOT, Duration.ZERO, Optional.of(r));
        }
        // A reading taken a while ago (a Tasmota shadow updated every TelePeriod) counts as warmer by
        // what the pad could have added since, so an old reading never lets it heat past the target.
        double atMostC = r.celsius() + SafetyPolicy.PLANNED_WARMING_C_PER_MIN
                * Math.max(0, Duration.between(r.at(), now).toMillis()) / 60_000.0;
        boolean heat = atMostC < targetC - limits.hysteresisC()
                || (session.heating() && atMostC < targetC); // inside the band: keep going the way it was
        if (!heat) {
            return new Step(Decision.IDLE, Duration.ZERO, Optional.of(r));
        }
        Duration pulse = shortest(SafetyPolicy.backstop(controlStep, left), SafetyPolicy.timeToClose(targetC - atMostC));
        return new Step(Decision.HEAT, pulse, Optional.of(r));
    }

    private static Step timed(Instant now, WarmthSession.Active session, Duration left, Duration controlStep) {
        // Cycles follow the clock, not the session: asking again cannot start a new burst early.
        long intoCycle = Math.floorMod(now.toEpochMilli(), SafetyPolicy.TIMED_CYCLE.toMillis());
        Duration onLeft = SafetyPolicy.TIMED_ON.minusMillis(intoCycle);
        if (onLeft.compareTo(SafetyPolicy.SHORTEST_PULSE) < 0) {
            return new Step(Decision.TIMED_REST, Duration.ZERO, Optional.empty());
        }
        // The device's timer ends the burst on time even if the next step never comes.
        return new Step(Decision.TIMED_HEAT, shortest(SafetyPolicy.backstop(controlStep, left), onLeft), Optional.empty());
    }

    private static Step off(Decision d) {
        return new Step(d, Duration.ZERO, Optional.empty());
    }

    private static Duration shortest(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
