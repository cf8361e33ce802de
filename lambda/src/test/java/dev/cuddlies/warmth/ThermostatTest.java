package dev.cuddlies.warmth;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ThermostatTest {

    private static final Duration STEP = Duration.ofSeconds(60);
    private final Thermostat thermostat = new Thermostat(new SafetyPolicy(SafetyLimits.defaults()));
    private final Instant start = Instant.parse("2026-11-25T20:00:00Z");

    private WarmthSession.Active session(WarmthSession.Mode mode, boolean heating) {
        return new WarmthSession.Active(1, mode, 36, start.plus(Duration.ofMinutes(30)), heating, Optional.empty(),
                Optional.empty());
    }

    private Thermostat.Step at(double c, boolean heating, Instant now) {
        return thermostat.decide(now, session(WarmthSession.Mode.THERMOSTAT, heating), new Probe.Measured(new Reading(c, now)), STEP);
    }

    @Test
    void heatsBelowTheBandHoldsAboveTheTargetAndKeepsItsDirectionInside() {
        Instant now = start.plusSeconds(60);
        assertThat(at(30, false, now).decision()).isEqualTo(Thermostat.Decision.HEAT);
        assertThat(at(35.7, false, now).decision()).isEqualTo(Thermostat.Decision.IDLE);
        assertThat(at(35.7, true, now).decision()).isEqualTo(Thermostat.Decision.HEAT);
        assertThat(at(36.0, true, now).decision()).isEqualTo(Thermostat.Decision.IDLE);
        assertThat(at(40.0, false, now).decision()).isEqualTo(Thermostat.Decision.OFF_TOO_HOT);
        assertThat(at(30, false, start.plus(Duration.ofMinutes(30))).decision()).isEqualTo(Thermostat.Decision.OFF_TIME_UP);
    }

    @Test
    void farFromTheTargetTheBackstopIsAStepAndAMarginNearItOnlyTheTimeToCloseTheGap() {
        Instant now = start.plusSeconds(60);
        assertThat(at(25, false, now).pulse()).isEqualTo(Duration.ofSeconds(70));
        assertThat(at(35.4, false, now).pulse()).isEqualTo(Duration.ofSeconds(24)); // 0.6 °C at 1.5 °C a minute
        assertThat(at(35.99, true, now).pulse()).isEqualTo(Duration.ofSeconds(2)); // never shorter
        Instant nearEnd = start.plus(Duration.ofMinutes(30)).minusSeconds(15);
        assertThat(at(25, false, nearEnd).pulse()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void withoutAUsableReadingItIsOff() {
        Instant now = start.plusSeconds(60);
        WarmthSession.Active s = session(WarmthSession.Mode.THERMOSTAT, true);
        assertThat(thermostat.decide(now, s, new Probe.Unreadable("--"), STEP).decision())
                .isEqualTo(Thermostat.Decision.OFF_NO_READING);
        assertThat(thermostat.decide(now, s, new Probe.NoSensor(), STEP).decision())
                .isEqualTo(Thermostat.Decision.OFF_NO_READING);
        assertThat(thermostat.decide(now, s, new Probe.Measured(new Reading(Double.NaN, now)), STEP).decision())
                .isEqualTo(Thermostat.Decision.OFF_IMPLAUSIBLE_READING);
        assertThat(thermostat.decide(now, s, new Probe.Measured(new Reading(30, now.plusSeconds(3600))), STEP).decision())
                .isEqualTo(Thermostat.Decision.OFF_IMPLAUSIBLE_READING);
        assertThat(thermostat.decide(now, s, new Probe.Measured(new Reading(30, now.minusSeconds(3600))), STEP).decision())
                .isEqualTo(Thermostat.Decision.OFF_STALE_READING);
    }

    @Test
    void timedModeHeatsTheFirstFourOfEveryTenMinutesOfTheClockAndTheDeviceEndsEachBurstOnTime() {
        WarmthSession.Active s = session(WarmthSession.Mode.TIMED, false); // started 20:00, on a cycle's start
        Thermostat.Step first = thermostat.decide(start, s, new Probe.NoSensor(), STEP);
        assertThat(first.decision()).isEqualTo(Thermostat.Decision.TIMED_HEAT);
        assertThat(first.pulse()).isEqualTo(Duration.ofSeconds(70));
        Thermostat.Step lastOfBurst = thermostat.decide(start.plusSeconds(210), s, new Probe.NoSensor(), STEP);
        assertThat(lastOfBurst.pulse()).isEqualTo(Duration.ofSeconds(30));
        assertThat(thermostat.decide(start.plusSeconds(240), s, new Probe.NoSensor(), STEP).decision())
                .isEqualTo(Thermostat.Decision.TIMED_REST);
        assertThat(thermostat.decide(start.plusSeconds(600), s, new Probe.NoSensor(), STEP).decision())
                .isEqualTo(Thermostat.Decision.TIMED_HEAT);
        WarmthSession.Active askedAgain = new WarmthSession.Active(2, WarmthSession.Mode.TIMED, 36,
                start.plus(Duration.ofMinutes(40)), false, Optional.empty(), Optional.empty()); // asked again at 20:04:10
        assertThat(thermostat.decide(start.plusSeconds(250), askedAgain, new Probe.NoSensor(), STEP).decision())
                .as("asking again does not start a burst early").isEqualTo(Thermostat.Decision.TIMED_REST);
    }
}
