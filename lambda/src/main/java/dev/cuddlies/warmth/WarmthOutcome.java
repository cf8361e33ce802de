package dev.cuddlies.warmth;

import dev.cuddlies.warmth.switches.DeviceException;

import java.time.Instant;
import java.util.Optional;

/** What a warmth command came to, for the skill to say plainly. Nothing here claims "off" unless the device confirmed it. */
public sealed interface WarmthOutcome {

    /** Where the heater stands after something went wrong and it was switched off. */
    enum Heater {
        /** The device confirmed the relay is open. */
        CONFIRMED_OFF,
        /** Unconfirmed, but no session of ours had switched it on (only this can be said). */
        NOT_TURNED_ON,
        /** Unconfirmed after a session of ours: it may be on; the off is retried every control step. */
        MAY_BE_ON
    }

    /**
     * @param selfOffBy   when {@link Heater#MAY_BE_ON}: when the device's own timer opens the relay at the latest, if known
     * @param mayComeBack the session's end could not be saved, so a control step may switch it on again
     */
    record OffCheck(Heater heater, Optional<Instant> selfOffBy, boolean mayComeBack) {
        public boolean confirmed() {
            return heater == Heater.CONFIRMED_OFF;
        }
    }

    /** Warming from readings: to {@code plan.targetC()} until {@code until}. */
    record Warming(WarmPlan plan, Optional<Reading> reading, Instant until, boolean heatingNow) implements WarmthOutcome {
    }

    /** The device has no sensor: warming in timed bursts until {@code until}, each ended by the device's timer. */
    record WarmingTimed(WarmPlan plan, Instant until) implements WarmthOutcome {
    }

    /** The number could not be understood (not a number, or in the US neither Celsius nor Fahrenheit); nothing was switched. */
    record UnclearDegrees(SafetyLimits limits) implements WarmthOutcome {
    }

    /** The switch cannot confirm a device-side auto-off (IFTTT), so it is never switched on. */
    record CannotHeatSafely(String device) implements WarmthOutcome {
    }

    /** The toy already reads at or above the ceiling: no heating. */
    record TooHot(Reading reading, OffCheck off) implements WarmthOutcome {
    }

    /** The device has a sensor but gave no believable reading: no heating. */
    record NoReading(OffCheck off) implements WarmthOutcome {
    }

    /** The device could not be reached or refused. */
    record DeviceProblem(DeviceException.Kind kind, String device, OffCheck off) implements WarmthOutcome {
    }

    /**
     * The session could not be saved (so nothing was started), or another request changed it at the
     * same moment (so nothing was switched and nothing is claimed).
     *
     * @param off empty when nothing was switched
     */
    record NotStarted(boolean conflict, Optional<OffCheck> off) implements WarmthOutcome {
    }

    /** Switched off, confirmed by the device. {@code recorded} false: the session store did not take it. */
    record Stopped(boolean recorded) implements WarmthOutcome {
    }

    /** The off did not go through; it is retried at every control step. */
    record StopFailed(DeviceException.Kind kind, Optional<Instant> selfOffBy) implements WarmthOutcome {
    }

    /** Status: warming (or holding) toward a target. */
    record On(double targetC, Instant until, Optional<Reading> reading, boolean heatingNow) implements WarmthOutcome {
    }

    /** Status: timed warming, no temperature known. */
    record OnTimed(Instant until) implements WarmthOutcome {
    }

    /** Status: the device reports the relay open. */
    record Off(Optional<Reading> reading) implements WarmthOutcome {
    }

    /** Status: it must be off but the device has not confirmed it yet; retried every control step. */
    record OffPending(Optional<Instant> selfOffBy) implements WarmthOutcome {
    }

    /** Status: the device reports the relay closed, but there is no warming session (someone else switched it on). */
    record OnWithoutSession(Optional<Reading> reading) implements WarmthOutcome {
    }

    /** Status: no session and the device could not be asked. */
    record Unknown(DeviceException.Kind kind) implements WarmthOutcome {
    }
}
