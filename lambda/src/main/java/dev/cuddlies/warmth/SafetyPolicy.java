package dev.cuddlies.warmth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one place safety limits are applied: every warmth path goes through {@link #plan}, every
 * reading through {@link #judge}, every switch-on through {@link #backstop}. Drivers only translate
 * commands into their wire format.
 *
 * <p>The invariants {@link WarmthService} keeps, whatever fails:
 * <ol type="a">
 * <li>The relay is never switched on unless a device-side backstop (Sonoff inching, Tasmota
 *     PulseTime) has been armed first and the device confirmed it. The backstop is armed for at
 *     most one control step plus a small margin ({@link #backstop}), and re-armed at each step, so
 *     the heater is never on longer than that without a fresh decision from the backend.</li>
 * <li>Any exception, timeout, missing, unparsable, non-finite or implausible reading (outside
 *     {@value #PLAUSIBLE_MIN_C}…{@value #PLAUSIBLE_MAX_C} °C, stamped in the future, or a jump no
 *     toy can make: a fall faster than it can cool) counts as no reading, and no reading means OFF.</li>
 * <li>An off that fails leaves a persistent "must be off" session that every control step retries
 *     until the device confirms off.</li>
 * <li>The skill never says "off" or "not heating" unless the device confirmed it; otherwise it says
 *     plainly that it could not switch the heater off and asks for it to be unplugged.</li>
 * <li>A session that cannot be saved is not started: the heater is switched off and the answer
 *     says so.</li>
 * <li>Stop always wins: sessions carry a version and every write is conditional on the version
 *     read (S3 {@code If-Match}/{@code If-None-Match}, a file lock locally). A control step that lost
 *     the race switches nothing on, and one that switched on just before a stop landed switches
 *     off again; the stop's "must be off" state stays until a later step confirms off.</li>
 * </ol>
 */
public final class SafetyPolicy {

    /** In the US, numbers at or above this are body-temperature Fahrenheit (80–104 °F); below, see {@link #CELSIUS_UP_TO}. */
    static final double FAHRENHEIT_FROM = 80;
    /** In the US, numbers up to this read as Celsius; between it and {@link #FAHRENHEIT_FROM} the unit is not guessed. */
    static final double CELSIUS_UP_TO = SafetyLimits.HARD_CEILING_C;
    private static final Duration SHORTEST = Duration.ofMinutes(5);

    /** A reading outside this range is a fault (a DS18B20 says -127 when its wire is loose), °C. */
    public static final double PLAUSIBLE_MIN_C = -20;
    /** @see #PLAUSIBLE_MIN_C */
    public static final double PLAUSIBLE_MAX_C = 85;
    /** Clocks differ a little; a reading stamped further ahead than this is a fault. */
    static final Duration FUTURE_TOLERANCE = Duration.ofSeconds(5);
    /** No stuffed toy warms or cools faster than this, °C per minute (the simulated one: about 2). */
    static final double MAX_CHANGE_C_PER_MIN = 4;
    /** Allowed on top of {@link #MAX_CHANGE_C_PER_MIN} for sensor noise and rounding, °C. */
    static final double CHANGE_ALLOWANCE_C = 3;
    /**
     * The fastest warming a pad is planned for, °C per minute: near the target the heater is switched on
     * only for as long as it would take to close the gap at this rate, so one control step cannot
     * carry it past the target.
     */
    static final double PLANNED_WARMING_C_PER_MIN = 1.5;
    /** The shortest backstop a device is armed with. */
    static final Duration SHORTEST_PULSE = Duration.ofSeconds(2);
    /** The backstop outlasts a control step by this (at most a quarter step), so a late tick does not click the relay. */
    static final Duration BACKSTOP_MARGIN = Duration.ofSeconds(10);
    /**
     * Without a sensor: heat for the first {@link #TIMED_ON} of every {@link #TIMED_CYCLE} of the clock,
     * never longer: 40% of the time, so a pad that would reach 47 °C if left on keeps a toy in a 25 °C
     * room at about 36 °C at the top of a burst.
     */
    static final Duration TIMED_CYCLE = Duration.ofMinutes(10);
    /** @see #TIMED_CYCLE */
    static final Duration TIMED_ON = Duration.ofMinutes(4);

    /** Why a reading cannot be used, or that it can. */
    public enum Judgement {
        USABLE, NO_SENSOR, UNREADABLE, NOT_FINITE, OUT_OF_RANGE, FROM_THE_FUTURE, STALE, JUMPED
    }

    private final SafetyLimits limits;

    public SafetyPolicy(SafetyLimits limits) {
        this.limits = limits;
    }

    public SafetyLimits limits() {
        return limits;
    }

    /**
     * What will actually happen for a request, or empty when the number cannot be understood (not a
     * number, or in the US neither a Celsius nor a Fahrenheit toy temperature): then nothing is
     * switched and the user is asked again.
     */
    public Optional<WarmPlan> plan(WarmRequest request) {
        List<WarmPlan.Limit> changed = new ArrayList<>();
        double target = limits.defaultSetpointC();
        boolean fahrenheit = false;
        if (request.degrees().isPresent()) {
            double said = request.degrees().get();
            if (!Double.isFinite(said)) {
                return Optional.empty();
            }
            if (request.usUnits() && said > CELSIUS_UP_TO && said < FAHRENHEIT_FROM) {
                // 50 or 79 in the US: 50 °C is far too hot, 50 °F far too cool; guessing either way
                // surprises someone (79 would heat more than 80), so ask.
                return Optional.empty();
            }
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
        return Optional.of(new WarmPlan(Math.round(target * 10) / 10.0, duration, changed, fahrenheit));
    }

    /**
     * Whether a probe gives a reading the thermostat may act on.
     *
     * @param previous the last usable reading of this session, if any (for the jump check)
     */
    public Judgement judge(Probe probe, Instant now, Optional<Reading> previous) {
        if (probe instanceof Probe.NoSensor) {
            return Judgement.NO_SENSOR;
        }
        if (!(probe instanceof Probe.Measured m)) {
            return Judgement.UNREADABLE;
        }
        Reading r = m.reading();
        if (r.at() == null) {
            return Judgement.UNREADABLE;
        }
        if (!Double.isFinite(r.celsius())) {
            return Judgement.NOT_FINITE;
        }
        if (r.celsius() < PLAUSIBLE_MIN_C || r.celsius() > PLAUSIBLE_MAX_C) {
            return Judgement.OUT_OF_RANGE;
        }
        if (r.at().isAfter(now.plus(FUTURE_TOLERANCE))) {
            return Judgement.FROM_THE_FUTURE;
        }
        if (Duration.between(r.at(), now).compareTo(limits.staleAfter()) > 0) {
            return Judgement.STALE;
        }
        if (previous.isPresent()) {
            // Only a fall matters: a reading far below what the toy can have cooled to would make the
            // thermostat heat a warm toy. A rise (even an impossible one) can only switch it off.
            double minutes = Math.abs(Duration.between(previous.get().at(), r.at()).toMillis()) / 60_000.0;
            if (previous.get().celsius() - r.celsius() > CHANGE_ALLOWANCE_C + MAX_CHANGE_C_PER_MIN * minutes) {
                return Judgement.JUMPED;
            }
        }
        return Judgement.USABLE;
    }

    /**
     * How long the device's own timer is armed for at a switch-on: one control step plus a margin for
     * a late tick, never past the end of the session.
     */
    public static Duration backstop(Duration controlStep, Duration leftInSession) {
        Duration margin = BACKSTOP_MARGIN.compareTo(controlStep.dividedBy(4)) < 0 ? BACKSTOP_MARGIN : controlStep.dividedBy(4);
        Duration lease = controlStep.plus(margin);
        return lease.compareTo(leftInSession) < 0 ? lease : leftInSession;
    }

    /** The on-time that closes a gap of {@code gapC} at the planned warming rate, at least {@link #SHORTEST_PULSE}. */
    static Duration timeToClose(double gapC) {
        Duration d = Duration.ofMillis(Math.round(Math.max(0, gapC) / PLANNED_WARMING_C_PER_MIN * 60_000));
        return d.compareTo(SHORTEST_PULSE) < 0 ? SHORTEST_PULSE : d;
    }
}
