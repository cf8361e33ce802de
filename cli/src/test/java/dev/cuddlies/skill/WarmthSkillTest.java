package dev.cuddlies.skill;

import dev.cuddlies.config.AppConfig;
import dev.cuddlies.config.Services;
import dev.cuddlies.config.SwitchSettings;
import dev.cuddlies.devices.FaultPlan.SensorFault;
import dev.cuddlies.devices.ScriptedFaults;
import dev.cuddlies.devices.SimulatedSonoffTh;
import dev.cuddlies.devices.SonoffSimServer;
import dev.cuddlies.warmth.MutableClock;
import dev.cuddlies.warmth.WarmthService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static dev.cuddlies.skill.SkillHarness.speech;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warmth intents through the Lambda entry point, as a user hears them, with a simulated Sonoff on
 * its real LAN API (faults injected by the simulator) or none, on simulated time.
 */
class WarmthSkillTest {

    private static final Duration STEP = Duration.ofSeconds(20);

    @TempDir
    Path data;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T19:00:00Z"));
    private final ScriptedFaults faults = new ScriptedFaults();
    private SimulatedSonoffTh toy;
    private SonoffSimServer sim;
    private SkillHarness skill;
    private WarmthService warmth;

    @AfterEach
    void close() {
        if (skill != null) {
            skill.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private SkillHarness skillWith(SwitchSettings switches) throws Exception {
        AppConfig config = AppConfig.local(data).withSwitches(switches);
        Services services = Services.create(config, clock);
        warmth = services.warmth().orElse(null);
        skill = new SkillHarness(CuddliesSkill.build(config, services, clock));
        return skill;
    }

    private SkillHarness skillWithSimulatedSonoff() throws Exception {
        toy = new SimulatedSonoffTh(clock, 21).withFaults(faults);
        sim = new SonoffSimServer(toy);
        return skillWith(new SwitchSettings.Lan(sim.endpoint(), SonoffSimServer.DEVICE_ID));
    }

    /** One control step later (the console's schedule, here on simulated time). */
    private void step() {
        clock.advance(STEP);
        warmth.tick();
    }

    @Test
    void ninetyDegreesForThreeHoursIsLimitedAndSaidSo() throws Exception {
        SkillHarness s = skillWithSimulatedSonoff();

        String said = speech(s.call("warm-up-90-degrees"));

        assertThat(said).contains("Too warm for a child's toy and too long, so I'm warming it to 38 degrees for 2 hours")
                .contains("It turns itself off then, even without me")
                .contains("to stop sooner, ask me to stop warming.");
        assertThat(toy.relayOn()).isTrue();
        assertThat(speech(s.call("warmth-status"))).contains("warming at up to 38 degrees").contains("it's 21 degrees now.");
        assertThat(speech(s.call("stop-warming"))).isEqualTo("<speak>Okay, the heater is off.</speak>");
        assertThat(toy.relayOn()).isFalse();
    }

    @Test
    void withTheEchosTimeZoneTimesAreSaidAsClockTimes() throws Exception {
        SkillHarness s = skillWithSimulatedSonoff();
        s.alexaApi().timeZone("Europe/London");

        assertThat(speech(s.call("warm-up"))).contains("Warming your soft toy to 35 degrees until 19:30;");
        clock.advance(Duration.ofMinutes(5));
        assertThat(speech(s.call("warmth-status"))).contains("It switches off at 19:30.");
    }

    @Test
    void stopAndCancelWhileWarmingSayItIsStillWarmingUntilWhenAndHowToStopIt() throws Exception {
        SkillHarness s = skillWithSimulatedSonoff();
        s.call("warm-up");
        for (int i = 0; i < 15; i++) {
            step();
        }

        assertThat(speech(s.call("stop"))).isEqualTo("<speak>Goodbye. Your soft toy is still warming for another 25 minutes; "
                + "to stop it, say: Alexa, tell cuddly maker to stop warming.</speak>");
        s.alexaApi().timeZone("Europe/London");
        assertThat(speech(s.call("cancel"))).contains("still warming until 19:30;");
        assertThat(toy.relayOn()).as("stop ends the conversation, not the heater").isTrue();

        s.call("stop-warming");
        assertThat(speech(s.call("stop"))).isEqualTo("<speak>" + Messages.GOODBYE + "</speak>");
    }

    @Test
    void lanScenario41DegreesWithTheFirstOffRefusedEndsOffAndNeverSaysOffBeforeThat() throws Exception {
        SkillHarness s = skillWithSimulatedSonoff();
        s.call("warm-up");
        toy.setTemperatureC(41);
        faults.refuseOffs(1);

        step(); // too hot: the off is refused
        assertThat(toy.relayOn()).isTrue();
        assertThat(speech(s.call("warmth-status"))).contains("I haven't been able to switch the heater off yet, so please unplug it now.")
                .doesNotContain("is off");

        step(); // retried, and confirmed
        assertThat(toy.relayOn()).isFalse();
        assertThat(speech(s.call("warmth-status"))).startsWith("<speak>The heater is off and your soft toy is 4");
        assertThat(toy.switches()).last().matches(sw -> !sw.on());
    }

    @Test
    void lanScenarioANanReadingAt44SwitchesOffAndIsNeverSpoken() throws Exception {
        SkillHarness s = skillWithSimulatedSonoff();
        s.call("warm-up");
        toy.setTemperatureC(44);
        faults.always(SensorFault.NAN);

        step();

        assertThat(toy.relayOn()).isFalse();
        String status = speech(s.call("warmth-status"));
        assertThat(status).contains("I can't read its temperature just now").doesNotContain("NaN");
        step();
        assertThat(toy.relayOn()).isFalse();
        assertThat(speech(s.call("warm-up"))).contains("I can't get a sensible temperature").contains("It is not heating.");
        assertThat(toy.relayOn()).isFalse();
    }

    @Test
    void lanScenarioADashesReadingThen41EndsOffWithAnHonestAnswer() throws Exception {
        SkillHarness s = skillWithSimulatedSonoff();
        s.call("warm-up");
        faults.readings(SensorFault.DASHES);

        step(); // "--": no reading, off
        assertThat(toy.relayOn()).isFalse();
        toy.setTemperatureC(41.6); // 41.0 after the next 20 s of cooling
        step(); // 41: too hot, session ends
        assertThat(toy.relayOn()).isFalse();

        assertThat(speech(s.call("warmth-status"))).isEqualTo("<speak>The heater is off and your soft toy is 41 degrees.</speak>");
        assertThat(speech(s.call("warm-up"))).isEqualTo("<speak>Your soft toy is already 41 degrees, too warm to heat, so please "
                + "check on it. It is not heating.</speak>");
        assertThat(toy.relayOn()).isFalse();
    }

    @Test
    void anOfflineHeaterIsSaidPlainlyAndNothingIsClaimed() throws Exception {
        int nobody;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobody = socket.getLocalPort();
        }
        SkillHarness s = skillWith(new SwitchSettings.Lan(URI.create("http://127.0.0.1:" + nobody), SonoffSimServer.DEVICE_ID));

        assertThat(speech(s.call("warm-up"))).contains("it seems to be offline. I haven't switched it on.");
        assertThat(speech(s.call("warmth-status"))).contains("I couldn't check the heater just now.").doesNotContain("is off");
    }

    @Test
    void withoutAHeaterTheSkillSaysNoneIsSetUp() throws Exception {
        SkillHarness s = skillWith(new SwitchSettings.None());

        assertThat(speech(s.call("warm-up"))).contains("No heater switch is set up");
        assertThat(speech(s.call("stop"))).isEqualTo("<speak>" + Messages.GOODBYE + "</speak>");
    }
}
