package dev.cuddlies.warmth;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SafetyPolicyTest {

    private final SafetyPolicy policy = new SafetyPolicy(SafetyLimits.defaults());
    private final Instant now = Instant.parse("2026-11-25T20:00:00Z");

    private WarmPlan plan(Double degrees, Duration duration, boolean us) {
        return policy.plan(new WarmRequest(Optional.ofNullable(degrees), Optional.ofNullable(duration), us)).orElseThrow();
    }

    private SafetyPolicy.Judgement judge(double c, Instant at) {
        return policy.judge(new Probe.Measured(new Reading(c, at)), now, Optional.empty());
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
    void fahrenheitIsUnderstoodInTheUsAndNumbersThatFitNeitherUnitAreAskedAgain() {
        WarmPlan f = plan(98.0, null, true);
        assertThat(f.targetC()).isEqualTo(36.7);
        assertThat(f.heardFahrenheit()).isTrue();
        assertThat(f.limits()).isEmpty();

        for (double ambiguous : new double[] {41, 50, 79}) {
            assertThat(policy.plan(new WarmRequest(Optional.of(ambiguous), Optional.empty(), true))).as("%s", ambiguous).isEmpty();
        }
        assertThat(plan(40.0, null, true).targetC()).isEqualTo(38); // Celsius, limited
        assertThat(plan(80.0, null, true).targetC()).isEqualTo(30); // 26.7 °C, raised to the lowest
        assertThat(plan(104.0, null, true).targetC()).isEqualTo(38); // 40 °C: over the setpoint range
        assertThat(plan(98.0, null, false).targetC()).isEqualTo(38); // outside the US, 98 is Celsius
        assertThat(plan(50.0, null, false).targetC()).isEqualTo(38);
    }

    @Test
    void aNumberThatIsNotFiniteIsAskedAgain() {
        for (double nonsense : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThat(policy.plan(new WarmRequest(Optional.of(nonsense), Optional.empty(), false))).isEmpty();
            assertThat(policy.plan(new WarmRequest(Optional.of(nonsense), Optional.empty(), true))).isEmpty();
        }
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
        assertThat(raised).isEqualTo(SafetyLimits.defaults());
        assertThat(SafetyLimits.configured(Double.NaN, null)).isEqualTo(SafetyLimits.defaults());

        SafetyLimits lowered = SafetyLimits.configured(34.0, 45);
        assertThat(lowered.maxSetpointC()).isEqualTo(34);
        assertThat(lowered.defaultSetpointC()).isEqualTo(34);
        assertThat(lowered.maxDuration()).isEqualTo(Duration.ofMinutes(45));
        assertThat(new SafetyPolicy(lowered).plan(new WarmRequest(Optional.of(36.0), Optional.empty(), false)))
                .hasValueSatisfying(p -> assertThat(p.targetC()).isEqualTo(34));
        assertThat(SafetyLimits.configured(10.0, 1).maxSetpointC()).isEqualTo(30);
        assertThat(SafetyLimits.configured(10.0, 1).maxDuration()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void onlyFiniteFreshPlausibleReadingsAreUsable() {
        assertThat(judge(36, now)).isEqualTo(SafetyPolicy.Judgement.USABLE);
        assertThat(judge(-20, now)).isEqualTo(SafetyPolicy.Judgement.USABLE);
        assertThat(judge(85, now)).isEqualTo(SafetyPolicy.Judgement.USABLE);
        assertThat(judge(Double.NaN, now)).isEqualTo(SafetyPolicy.Judgement.NOT_FINITE);
        assertThat(judge(Double.NEGATIVE_INFINITY, now)).isEqualTo(SafetyPolicy.Judgement.NOT_FINITE);
        assertThat(judge(-127, now)).isEqualTo(SafetyPolicy.Judgement.OUT_OF_RANGE);
        assertThat(judge(-20.1, now)).isEqualTo(SafetyPolicy.Judgement.OUT_OF_RANGE);
        assertThat(judge(85.1, now)).isEqualTo(SafetyPolicy.Judgement.OUT_OF_RANGE);
        assertThat(judge(36, now.plusSeconds(5))).isEqualTo(SafetyPolicy.Judgement.USABLE);
        assertThat(judge(36, now.plusSeconds(6))).isEqualTo(SafetyPolicy.Judgement.FROM_THE_FUTURE);
        assertThat(judge(36, now.minus(Duration.ofMinutes(11)))).isEqualTo(SafetyPolicy.Judgement.STALE);
        assertThat(policy.judge(new Probe.Unreadable("--"), now, Optional.empty())).isEqualTo(SafetyPolicy.Judgement.UNREADABLE);
        assertThat(policy.judge(new Probe.NoSensor(), now, Optional.empty())).isEqualTo(SafetyPolicy.Judgement.NO_SENSOR);
    }

    @Test
    void aFallFasterThanAToyCanCoolIsNotBelievedButARiseIs() {
        Optional<Reading> warm = Optional.of(new Reading(36, now.minusSeconds(20)));
        assertThat(policy.judge(new Probe.Measured(new Reading(-5, now)), now, warm)).isEqualTo(SafetyPolicy.Judgement.JUMPED);
        assertThat(policy.judge(new Probe.Measured(new Reading(34, now)), now, warm)).isEqualTo(SafetyPolicy.Judgement.USABLE);
        assertThat(policy.judge(new Probe.Measured(new Reading(60, now)), now, warm)).isEqualTo(SafetyPolicy.Judgement.USABLE);
        Optional<Reading> longAgo = Optional.of(new Reading(36, now.minus(Duration.ofMinutes(9))));
        assertThat(policy.judge(new Probe.Measured(new Reading(5, now)), now, longAgo)).isEqualTo(SafetyPolicy.Judgement.USABLE);
    }

    @Test
    void theBackstopIsOneControlStepAndAQuarterAtMostTenSecondsNeverPastTheEnd() {
        assertThat(SafetyPolicy.backstop(Duration.ofSeconds(20), Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(25));
        assertThat(SafetyPolicy.backstop(Duration.ofSeconds(60), Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(70));
        assertThat(SafetyPolicy.backstop(Duration.ofSeconds(60), Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
    }
}
