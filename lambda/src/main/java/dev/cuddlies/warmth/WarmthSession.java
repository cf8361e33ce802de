package dev.cuddlies.warmth;

import java.time.Instant;
import java.util.Optional;

/**
 * The heater's session, kept in storage between requests (Lambda keeps nothing). Every write
 * carries the next {@link #version()} and is conditional on the one read, so two writers that
 * started from the same session cannot both win.
 */
public sealed interface WarmthSession {

    /** Counts writes; never goes back. */
    long version();

    /** How a session decides when to heat. */
    enum Mode {
        /** From the device's temperature readings ({@link Thermostat}). */
        THERMOSTAT,
        /** The device has no sensor: in short bursts, each ended by the device's own timer. */
        TIMED
    }

    /** Why the heater must be off. */
    enum Why { STOPPED, ENDED, TOO_HOT, FAULT }

    /** Nothing to do: the last session ended and the device confirmed off afterwards. */
    record Idle(long version) implements WarmthSession {
    }

    /**
     * Warming.
     *
     * @param targetC        target, °C (unused when {@link Mode#TIMED})
     * @param until          when heating ends
     * @param heating        whether the last step switched the heater on (for hysteresis)
     * @param lastReading    the last usable reading (for the jump check)
     * @param backstopEndsAt when the device's own timer switches it off at the latest, if it was switched on
     */
    record Active(long version, Mode mode, double targetC, Instant until, boolean heating,
                  Optional<Reading> lastReading, Optional<Instant> backstopEndsAt) implements WarmthSession {

        /** The next version after a control step. */
        public Active next(boolean heatingNow, Optional<Reading> reading, Optional<Instant> backstop) {
            return new Active(version + 1, mode, targetC, until, heatingNow,
                    reading.isPresent() ? reading : lastReading, backstop.isPresent() ? backstop : backstopEndsAt);
        }
    }

    /**
     * The heater must be off and the device has not yet confirmed it after {@code since} plus a
     * control step; every control step switches it off again until it does.
     *
     * @param backstopEndsAt when the device's own timer switches it off at the latest, if known
     */
    record MustBeOff(long version, Instant since, Why why, Optional<Instant> backstopEndsAt) implements WarmthSession {
    }

    /** When the device's own timer ends any heating, if the session knows. */
    default Optional<Instant> backstopEnd() {
        if (this instanceof Active a) {
            return a.backstopEndsAt();
        }
        if (this instanceof MustBeOff m) {
            return m.backstopEndsAt();
        }
        return Optional.empty();
    }
}
