package dev.cuddlies.warmth;

import dev.cuddlies.warmth.switches.DeviceException;

import java.time.Duration;
import java.util.Optional;

/** What a warmth command came to, for the skill to say plainly. */
public sealed interface WarmthOutcome {

    /** Warming: to {@code plan.targetC()} for {@code plan.duration()}. */
    record Warming(WarmPlan plan, Optional<Reading> reading, boolean deviceBackstop, String device) implements WarmthOutcome {
    }

    /** The toy already reads at or above the ceiling: switched off, and no heating. */
    record TooHot(Reading reading) implements WarmthOutcome {
    }

    /** The device could not be reached or refused; the heater was left (or switched) off. */
    record DeviceProblem(DeviceException.Kind kind, String device) implements WarmthOutcome {
    }

    /** Switched off. */
    record Stopped() implements WarmthOutcome {
    }

    /** The off command did not go through; the device's own timer stops it within {@code within}, if armed. */
    record StopFailed(DeviceException.Kind kind, Optional<Duration> within) implements WarmthOutcome {
    }

    /** Status: heating (or holding) toward a target, with time left. */
    record On(double targetC, Duration left, Optional<Reading> reading, boolean heatingNow) implements WarmthOutcome {
    }

    /** Status: off. */
    record Off(Optional<Reading> reading) implements WarmthOutcome {
    }
}
