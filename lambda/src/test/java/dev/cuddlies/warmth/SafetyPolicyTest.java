package dev.cuddlies.warmth;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SafetyPolicyTest {

    private final SafetyPolicy policy = new SafetyPolicy(SafetyLimits.defaults());

    private WarmPlan plan(Double degrees, Duration duration, boolean us) {
        return policy.plan(new WarmRequest(Optional.ofNullable(degrees), Optional.ofNullable(duration), us));
    }

    @Test
    void defaultsAre35DegreesFor30Minutes() {
        WarmPlan p = plan(null, null, false);
        assertThat(p.targetC()).isEqualTo(35);
        assertThat(p.duration()).isEqualTo(Duration.ofMinutes(30));
        assertThat(p.limits()).isEmpty();
    }

    @Test
    void ninetyDegreesIsLimitedTo38AndSaysWhy() {
        WarmPlan p = plan(90.0, null, false);
        assertThat(p.targetC()).isEqualTo(38);
        assertThat(p.limits()).containsExactly(WarmPlan.Limit.TOO_HOT);
    }

    @Test
    void fahrenheitIsUnderstoodInTheUsAndAmbiguousNumbersReadAsTheHotterCelsius() {
        WarmPlan f = plan(98.0, null, true);
        assertThat(f.targetC()).isEqualTo(36.7);
        assertThat(f.heardFahrenheit()).isTrue();
        assertThat(f.limits()).isEmpty();

        WarmPlan ambiguous = plan(50.0, null, true);
        assertThat(ambiguous.targetC()).isEqualTo(38);
        assertThat(ambiguous.limits()).containsExactly(WarmPlan.Limit.TOO_HOT);

        assertThat(plan(104.0, null, true).targetC()).isEqualTo(38); // 40 °C: over the setpoint range
        assertThat(plan(98.0, null, false).targetC()).isEqualTo(38); // outside the US, 98 is Celsius
    }

    @Test
    void tooCoolTooLongAndTooShortAreLimited() {
        assertThat(plan(20.0, null, false).limits()).containsExactly(WarmPlan.Limit.TOO_COOL);
        assertThat(plan(20.0, null, false).targetC()).isEqualTo(30);
        WarmPlan longer = plan(null, Duration.ofHours(5), false);
        assertThat(longer.duration()).isEqualTo(Duration.ofMinutes(120));
        assertThat(longer.limits()).containsExactly(WarmPlan.Limit.TOO_LONG);
        assertThat(plan(null, Duration.ofSeconds(30), false).limits()).containsExactly(WarmPlan.Limit.TOO_SHORT);
    }

    @Test
    void configurationMayOnlyLowerTheLimits() {
        SafetyLimits raised = SafetyLimits.configured(45.0, 600);
        assertThat(raised.maxSetpointC()).isEqualTo(38);
        assertThat(raised.maxDuration()).isEqualTo(Duration.ofMinutes(120));
        assertThat(raised.ceilingC()).isEqualTo(40);

        SafetyLimits lowered = SafetyLimits.configured(34.0, 45);
        assertThat(lowered.maxSetpointC()).isEqualTo(34);
        assertThat(lowered.defaultSetpointC()).isEqualTo(34);
        assertThat(lowered.maxDuration()).isEqualTo(Duration.ofMinutes(45));
        assertThat(new SafetyPolicy(lowered).plan(new WarmRequest(Optional.of(36.0), Optional.empty(), false)).targetC())
                .isEqualTo(34);
    }

    @Test
    void thermostatSwitchesOffOnStaleOrMissingReadingsAndAboveTheCeiling() {
        Thermostat t = new Thermostat(SafetyLimits.defaults());
        Instant now = Instant.parse("2026-11-25T20:00:00Z");
        Instant until = now.plus(Duration.ofMinutes(30));
        assertThat(t.decide(now, 36, until, true, Optional.empty())).isEqualTo(Thermostat.Decision.OFF_NO_READING);
        assertThat(t.decide(now, 36, until, true, Optional.of(new Reading(30, now.minus(Duration.ofMinutes(11))))))
                .isEqualTo(Thermostat.Decision.OFF_STALE_READING);
        assertThat(t.decide(now, 36, until, true, Optional.of(new Reading(40.2, now)))).isEqualTo(Thermostat.Decision.OFF_TOO_HOT);
        assertThat(t.decide(until, 36, until, true, Optional.of(new Reading(30, until)))).isEqualTo(Thermostat.Decision.OFF_TIME_UP);
        assertThat(t.decide(now, 36, until, false, Optional.of(new Reading(35.7, now)))).isEqualTo(Thermostat.Decision.IDLE);
        assertThat(t.decide(now, 36, until, true, Optional.of(new Reading(35.7, now)))).isEqualTo(Thermostat.Decision.HEAT);
        assertThat(t.decide(now, 36, until, true, Optional.of(new Reading(36.0, now)))).isEqualTo(Thermostat.Decision.IDLE);
    }
}
