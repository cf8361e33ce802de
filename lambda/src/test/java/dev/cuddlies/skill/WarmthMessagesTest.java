package dev.cuddlies.skill;

import dev.cuddlies.warmth.Reading;
import dev.cuddlies.warmth.SafetyLimits;
import dev.cuddlies.warmth.WarmPlan;
import dev.cuddlies.warmth.WarmthOutcome;
import dev.cuddlies.warmth.WarmthOutcome.Heater;
import dev.cuddlies.warmth.WarmthOutcome.OffCheck;
import dev.cuddlies.warmth.switches.DeviceException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class WarmthMessagesTest {

    private final Instant now = Instant.parse("2026-11-25T20:10:00Z");
    private final WarmthMessages.When uk = new WarmthMessages.When(now, Optional.empty(), Locale.UK);
    private final Reading reading = new Reading(41, now);

    private List<WarmthOutcome> after(OffCheck off) {
        return List.of(new WarmthOutcome.TooHot(reading, off), new WarmthOutcome.NoReading(off),
                new WarmthOutcome.DeviceProblem(DeviceException.Kind.OFFLINE, "Sonoff LAN", off),
                new WarmthOutcome.NotStarted(false, Optional.of(off)));
    }

    @Test
    void withoutTheDevicesConfirmationNothingSaysOffOrNotHeating() {
        OffCheck mayBeOn = new OffCheck(Heater.MAY_BE_ON, Optional.of(now.plusSeconds(50)), false);
        List<WarmthOutcome> unconfirmed = new java.util.ArrayList<>(after(mayBeOn));
        unconfirmed.add(new WarmthOutcome.StopFailed(DeviceException.Kind.TIMEOUT, Optional.of(now.plusSeconds(50))));
        unconfirmed.add(new WarmthOutcome.OffPending(Optional.empty()));
        unconfirmed.add(new WarmthOutcome.Unknown(DeviceException.Kind.OFFLINE));
        unconfirmed.add(new WarmthOutcome.NotStarted(true, Optional.empty()));
        for (WarmthOutcome o : unconfirmed) {
            String said = WarmthMessages.say(o, uk);
            assertThat(said).as("%s", o).doesNotContain("is off").doesNotContain("not heating");
        }
        for (WarmthOutcome o : after(mayBeOn)) {
            assertThat(WarmthMessages.say(o, uk)).as("%s", o).contains("Please unplug the heater now: I couldn't switch it off")
                    .contains("its own timer stops it in a minute");
        }
    }

    @Test
    void withTheDevicesConfirmationItSaysSo() {
        for (WarmthOutcome o : after(new OffCheck(Heater.CONFIRMED_OFF, Optional.empty(), false))) {
            assertThat(WarmthMessages.say(o, uk)).as("%s", o).contains("It is not heating.").doesNotContain("unplug");
        }
        for (WarmthOutcome o : after(new OffCheck(Heater.NOT_TURNED_ON, Optional.empty(), false))) {
            assertThat(WarmthMessages.say(o, uk)).as("%s", o).contains("I haven't switched it on.").doesNotContain("not heating");
        }
        for (WarmthOutcome o : after(new OffCheck(Heater.CONFIRMED_OFF, Optional.empty(), true))) {
            assertThat(WarmthMessages.say(o, uk)).as("%s", o).contains("might come back on, so please unplug it")
                    .doesNotContain("not heating");
        }
        assertThat(WarmthMessages.say(new WarmthOutcome.Stopped(true), uk)).isEqualTo("Okay, the heater is off.");
        assertThat(WarmthMessages.say(new WarmthOutcome.Stopped(false), uk)).contains("might come back on; please unplug it");
    }

    @Test
    void aSignedOutAccountIsToldToConnectAgainAndClockTimesFollowTheLocale() {
        assertThat(WarmthMessages.say(new WarmthOutcome.DeviceProblem(DeviceException.Kind.SIGNED_OUT, "eWeLink",
                new OffCheck(Heater.NOT_TURNED_ON, Optional.empty(), false)), uk))
                .startsWith("The heater's eWeLink account needs connecting again in the Cuddlies setup.");
        WarmthMessages.When la = new WarmthMessages.When(now, Optional.of(ZoneId.of("America/Los_Angeles")), Locale.US);
        assertThat(WarmthMessages.say(new WarmthOutcome.OnTimed(now.plus(Duration.ofMinutes(30))), la))
                .isEqualTo("I can't read its temperature; it's warming gently, in bursts, and switches off at 12:40 PM.");
        assertThat(WarmthMessages.goodbyeWhileWarming(now.plus(Duration.ofMinutes(25)), uk))
                .isEqualTo("Goodbye. Your soft toy is still warming for another 25 minutes; to stop it, say: Alexa, tell "
                        + "cuddly maker to stop warming.");
    }

    @Test
    void unclearDegreesAskAgainInBothUnitsInTheUs() {
        WarmthMessages.When us = new WarmthMessages.When(now, Optional.empty(), Locale.US);
        assertThat(WarmthMessages.say(new WarmthOutcome.UnclearDegrees(SafetyLimits.defaults()), us))
                .contains("Celsius or Fahrenheit").contains("I haven't switched anything")
                .contains("warm it to 95 degrees");
    }

    @Test
    void warmingSaysUntilWhenAndHowToStop() {
        WarmPlan plan = new WarmPlan(36, Duration.ofMinutes(30), List.of(), false);
        WarmthMessages.When london = new WarmthMessages.When(now, Optional.of(ZoneId.of("Europe/London")), Locale.UK);
        assertThat(WarmthMessages.say(new WarmthOutcome.Warming(plan, Optional.of(new Reading(22, now)),
                now.plus(Duration.ofMinutes(30)), true), london))
                .isEqualTo("Warming your soft toy to 36 degrees until 20:40; it's 22 degrees now. It turns itself "
                        + "off then, even without me; to stop sooner, ask me to stop warming.");
    }
}
