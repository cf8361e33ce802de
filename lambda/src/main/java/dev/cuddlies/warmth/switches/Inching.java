package dev.cuddlies.warmth.switches;

import java.time.Duration;

/** Sonoff inching (device-side auto-off): 500 ms to 3,600,000 ms in steps of 500 ms. */
final class Inching {

    static final long MIN_MS = 500;
    static final long MAX_MS = 3_600_000;

    private Inching() {
    }

    /**
     * The pulse width for a backstop, rounded down to the device's step and capped at an hour: a
     * longer session re-arms it at each control step, and the device still stops within the hour if
     * nothing ever calls again.
     */
    static long pulseWidthMillis(Duration backstop) {
        long ms = Math.min(MAX_MS, Math.max(MIN_MS, backstop.toMillis()));
        return ms / 500 * 500;
    }
}
