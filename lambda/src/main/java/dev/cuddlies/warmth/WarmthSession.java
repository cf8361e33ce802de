package dev.cuddlies.warmth;

import java.time.Instant;

/**
 * The current warming session, kept in storage between requests (Lambda keeps nothing).
 *
 * @param targetC  target, °C
 * @param until    when heating ends (the device backstop is armed for this too)
 * @param heating  whether the heater was last switched on
 */
public record WarmthSession(double targetC, Instant until, boolean heating) {

    public WarmthSession withHeating(boolean h) {
        return new WarmthSession(targetC, until, h);
    }
}
