package dev.cuddlies.warmth;

import java.time.Duration;

/**
 * How warm and how long. Defaults are the safe maxima: a configuration may only lower them, and the
 * hard ceiling (a reading at or above which the heater is switched off and refused) can never be raised.
 *
 * @param minSetpointC     lowest target, °C
 * @param maxSetpointC     highest target, °C (at most {@link #MAX_SETPOINT_C})
 * @param defaultSetpointC target when none is asked for, °C
 * @param ceilingC         over-temperature cut-off, °C (at most {@link #HARD_CEILING_C})
 * @param defaultDuration  how long when none is asked for
 * @param maxDuration      longest allowed (at most {@link #MAX_DURATION})
 * @param hysteresisC      the thermostat heats below target minus this, stops at the target
 * @param staleAfter       a reading older than this counts as missing: heater off
 */
public record SafetyLimits(double minSetpointC, double maxSetpointC, double defaultSetpointC, double ceilingC,
                           Duration defaultDuration, Duration maxDuration, double hysteresisC, Duration staleAfter) {

    public static final double MIN_SETPOINT_C = 30;
    public static final double MAX_SETPOINT_C = 38;
    public static final double DEFAULT_SETPOINT_C = 35;
    /** Skin burns are documented from 44 °C after hours; nothing here may ever aim near that. */
    public static final double HARD_CEILING_C = 40;
    public static final Duration DEFAULT_DURATION = Duration.ofMinutes(30);
    public static final Duration MAX_DURATION = Duration.ofMinutes(120);
    /** The shortest session a configuration may leave. */
    public static final Duration SHORTEST_MAX_DURATION = Duration.ofMinutes(5);
    public static final double HYSTERESIS_C = 0.5;
    public static final Duration STALE_AFTER = Duration.ofMinutes(10);

    public static SafetyLimits defaults() {
        return new SafetyLimits(MIN_SETPOINT_C, MAX_SETPOINT_C, DEFAULT_SETPOINT_C, HARD_CEILING_C, DEFAULT_DURATION,
                MAX_DURATION, HYSTERESIS_C, STALE_AFTER);
    }

    /**
     * Lowers the defaults with configured values; anything that would raise a limit (or is not a
     * number) is ignored.
     *
     * @param maxSetpointC configured highest target, °C, or null
     * @param maxMinutes   configured longest duration, minutes, or null
     */
    public static SafetyLimits configured(Double maxSetpointC, Integer maxMinutes) {
        SafetyLimits d = defaults();
        double max = maxSetpointC == null || !Double.isFinite(maxSetpointC) ? d.maxSetpointC
                : Math.max(d.minSetpointC, Math.min(d.maxSetpointC, maxSetpointC));
        Duration longest = maxMinutes == null ? d.maxDuration
                : Duration.ofMinutes(Math.max(SHORTEST_MAX_DURATION.toMinutes(), Math.min(d.maxDuration.toMinutes(), maxMinutes)));
        return new SafetyLimits(d.minSetpointC, max, Math.min(d.defaultSetpointC, max), d.ceilingC,
                longest.compareTo(d.defaultDuration) < 0 ? longest : d.defaultDuration, longest, d.hysteresisC,
                d.staleAfter);
    }
}
