package dev.cuddlies.config;

import dev.cuddlies.warmth.SafetyLimits;

import java.time.Duration;
import java.util.Map;

/**
 * How the warmth core runs here: the safety limits (configuration may only lower them:
 * {@code CUDDLIES_MAX_SETPOINT_C}, {@code CUDDLIES_MAX_MINUTES}) and how often the control step runs
 * ({@code CUDDLIES_CONTROL_STEP_SECONDS}, default 60: the cloud schedule's rate; the local console and
 * the self-hosted server run it every 20 s). Each switch-on arms the device's own timer for about one
 * control step, so this must match the schedule.
 *
 * @param limits      the safety limits in force
 * @param controlStep how often the control step runs
 */
public record WarmthSettings(SafetyLimits limits, Duration controlStep) {

    public static final Duration CLOUD_CONTROL_STEP = Duration.ofSeconds(60);
    public static final Duration LOCAL_CONTROL_STEP = Duration.ofSeconds(20);
    static final Duration SHORTEST_STEP = Duration.ofSeconds(5);
    static final Duration LONGEST_STEP = Duration.ofSeconds(120);

    public WarmthSettings {
        if (controlStep.compareTo(SHORTEST_STEP) < 0 || controlStep.compareTo(LONGEST_STEP) > 0) {
            throw new IllegalStateException("the warmth control step must be between 5 and 120 seconds, not "
                    + controlStep.toSeconds());
        }
    }

    /** The default limits, stepping every {@code controlStep}. */
    public static WarmthSettings defaults(Duration controlStep) {
        return new WarmthSettings(SafetyLimits.defaults(), controlStep);
    }

    /** @throws IllegalStateException naming a setting that is not a number */
    static WarmthSettings fromEnv(Map<String, String> env) {
        SwitchSettings.Settings s = new SwitchSettings.Settings(env, false);
        Double maxSetpoint = s.get("CUDDLIES_MAX_SETPOINT_C").map(v -> number("CUDDLIES_MAX_SETPOINT_C", v)).orElse(null);
        Integer maxMinutes = s.get("CUDDLIES_MAX_MINUTES").map(v -> (int) number("CUDDLIES_MAX_MINUTES", v)).orElse(null);
        long step = s.get("CUDDLIES_CONTROL_STEP_SECONDS").map(v -> (long) number("CUDDLIES_CONTROL_STEP_SECONDS", v))
                .orElse(CLOUD_CONTROL_STEP.toSeconds());
        return new WarmthSettings(SafetyLimits.configured(maxSetpoint, maxMinutes), Duration.ofSeconds(step));
    }

    private static double number(String name, String value) {
        try {
            double d = Double.parseDouble(value);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new IllegalStateException(name + " must be a number, not '" + value + "'");
    }

    /** The same limits, stepping every {@code step} (the local console and the self-hosted server). */
    public WarmthSettings withControlStep(Duration step) {
        return new WarmthSettings(limits, step);
    }
}
