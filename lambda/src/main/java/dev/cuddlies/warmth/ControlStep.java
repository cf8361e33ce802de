package dev.cuddlies.warmth;

/** What one control step ({@link WarmthService#tick()}) did, for logs and tests. */
public enum ControlStep {
    /** No session: nothing asked of the device. */
    NO_SESSION,
    /** Switched on, backstop armed for the step. */
    HEATING,
    /** At the target: switched off, session goes on. */
    HOLDING,
    /** Timed (sensorless) burst on. */
    TIMED_HEATING,
    /** Timed rest between bursts: switched off. */
    TIMED_RESTING,
    /** No usable reading: switched off, session goes on. */
    OFF_NO_READING,
    /** An implausible reading (not finite, out of range, from the future, an impossible jump): switched off. */
    OFF_IMPLAUSIBLE_READING,
    /** The reading is older than allowed: switched off. */
    OFF_STALE_READING,
    /** Time is up: switched off, session ended. */
    ENDED,
    /** At or above the ceiling: switched off, session ended. */
    ENDED_TOO_HOT,
    /** A "must be off" session: the device confirmed off. */
    OFF_CONFIRMED,
    /** The heater must be off and the device did not confirm it; the next step tries again. */
    OFF_NOT_CONFIRMED,
    /** Another request changed the session first: this step switched nothing on. */
    LOST_RACE,
    /** Switching on failed: switched off as far as possible. */
    DEVICE_FAILED,
    /** The session store could not be used: switched off as far as possible. */
    STORE_UNAVAILABLE,
    /** Something unexpected failed: switched off as far as possible, and logged. */
    UNEXPECTED_FAULT;

    static ControlStep of(Thermostat.Decision d) {
        return switch (d) {
            case HEAT -> HEATING;
            case IDLE -> HOLDING;
            case TIMED_HEAT -> TIMED_HEATING;
            case TIMED_REST -> TIMED_RESTING;
            case OFF_TIME_UP -> ENDED;
            case OFF_NO_READING -> OFF_NO_READING;
            case OFF_IMPLAUSIBLE_READING -> OFF_IMPLAUSIBLE_READING;
            case OFF_STALE_READING -> OFF_STALE_READING;
            case OFF_TOO_HOT -> ENDED_TOO_HOT;
        };
    }
}
