package dev.cuddlies.warmth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place safety limits are applied: every warmth path goes through {@link #plan}. Drivers
 * only translate the resulting plan into their wire format.
 */
public final class SafetyPolicy {

    /** In the US, numbers at or above this are body-temperature Fahrenheit (86–104 °F); below, Celsius. */
    static final double FAHRENHEIT_FROM = 80;
    private static final Duration SHORTEST = Duration.ofMinutes(5);

    private final SafetyLimits limits;

    public SafetyPolicy(SafetyLimits limits) {
        this.limits = limits;
    }

    public SafetyLimits limits() {
        return limits;
    }

    public WarmPlan plan(WarmRequest request) {
        List<WarmPlan.Limit> changed = new ArrayList<>();
        double target = limits.defaultSetpointC();
        boolean fahrenheit = false;
        if (request.degrees().isPresent()) {
            double said = request.degrees().get();
            // An ambiguous number (say 50 in the US) is read as Celsius: that reading is the hotter one,
            // so it is the one limited, and the answer says so.
            fahrenheit = request.usUnits() && said >= FAHRENHEIT_FROM;
            target = fahrenheit ? (said - 32) * 5 / 9 : said;
        }
        if (target > limits.maxSetpointC()) {
            target = limits.maxSetpointC();
            changed.add(WarmPlan.Limit.TOO_HOT);
        } else if (target < limits.minSetpointC()) {
            target = limits.minSetpointC();
            changed.add(WarmPlan.Limit.TOO_COOL);
        }
        Duration duration = request.duration().orElse(limits.defaultDuration());
        if (duration.compareTo(limits.maxDuration()) > 0) {
            duration = limits.maxDuration();
            changed.add(WarmPlan.Limit.TOO_LONG);
        } else if (duration.compareTo(SHORTEST) < 0) {
            duration = SHORTEST;
            changed.add(WarmPlan.Limit.TOO_SHORT);
        }
        return new WarmPlan(Math.round(target * 10) / 10.0, duration, changed, fahrenheit);
    }
}
