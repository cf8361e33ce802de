package dev.cuddlies.warmth.switches;

import java.time.Duration;

/**
 * Sonoff inching (device-side auto-off) in steps of 500 ms. The DIY LAN API accepts 500 ms to
 * 36,000,000 ms (ten hours) and the eWeLink cloud 500 ms to 3,600,000 ms; we never ask for more than
 * an hour, which both accept (the warmth core asks for about one control step).
 */
final class Inching {

    static final long MIN_MS = 500;
    /** Our own cap, within both APIs' limits. */
    static final long MAX_MS = 3_600_000;

    private Inching() {
    }

    /** The pulse width for a backstop: rounded down to the 500 ms step (never longer than asked), within our range. */
    static long pulseWidthMillis(Duration backstop) {
        long ms = Math.min(MAX_MS, Math.max(MIN_MS, backstop.toMillis()));
        return ms / 500 * 500;
    }
}
