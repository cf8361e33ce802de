package dev.cuddlies.warmth;

import java.time.Duration;
import java.util.List;

/**
 * What will actually happen: the target and how long, after the safety limits.
 *
 * @param targetC       target temperature, °C
 * @param duration      heating time; the device-side backstop is armed for this long
 * @param limits        why the request was changed, each a short reason for speech; empty if unchanged
 * @param heardFahrenheit the number was read as Fahrenheit
 */
public record WarmPlan(double targetC, Duration duration, List<Limit> limits, boolean heardFahrenheit) {

    /** A way the request was limited. */
    public enum Limit { TOO_HOT, TOO_COOL, TOO_LONG, TOO_SHORT }

    public WarmPlan {
        limits = List.copyOf(limits);
    }
}
