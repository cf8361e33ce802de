package dev.cuddlies.skill;

import dev.cuddlies.config.AppConfig;
import dev.cuddlies.config.Services;
import dev.cuddlies.devices.SimulatedSonoffTh;
import dev.cuddlies.devices.SonoffSimServer;
import dev.cuddlies.config.SwitchSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.net.URI;
import java.util.Map;

import static dev.cuddlies.skill.SkillHarness.speech;
import static org.assertj.core.api.Assertions.assertThat;

/** The warmth intents through the Lambda entry point, with a simulated TH on its LAN API or none. */
class WarmthSkillTest {

    @TempDir
    Path data;

    private SonoffSimServer sim;
    private SkillHarness skill;

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
        skill = new SkillHarness(CuddliesSkill.build(config, Services.create(config, Clock.systemUTC()),
                Clock.systemUTC()));
        return skill;
    }

    private static SwitchSettings lan(String url) {
        return new SwitchSettings.Lan(URI.create(url), SonoffSimServer.DEVICE_ID);
    }

    @Test
    void ninetyDegreesForThreeHoursIsLimitedAndSaidSo() throws Exception {
        sim = new SonoffSimServer(new SimulatedSonoffTh(Clock.systemUTC(), 21));
        SkillHarness s = skillWith(lan(sim.endpoint().toString()));

        String said = speech(s.call("warm-up-90-degrees"));

        assertThat(said).contains("warmer than is safe for a toy a child holds")
                .contains("I keep it warm for at most 2 hours at a time")
                .contains("so I'm warming it to 38 degrees for 2 hours");
        assertThat(sim.device().relayOn()).isTrue();
        assertThat(speech(s.call("warmth-status"))).contains("warming at up to 38 degrees");
        assertThat(speech(s.call("stop-warming"))).isEqualTo("<speak>Okay, the heater is off.</speak>");
        assertThat(sim.device().relayOn()).isFalse();
    }

    @Test
    void anOfflineHeaterIsSaidPlainlyAndNothingHeats() throws Exception {
        int nobody;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobody = socket.getLocalPort();
        }
        SkillHarness s = skillWith(lan("http://127.0.0.1:" + nobody));

        assertThat(speech(s.call("warm-up"))).contains("it seems to be offline. It is not heating.");
        assertThat(speech(s.call("warmth-status"))).contains("The heater is off");
    }

    @Test
    void withoutAHeaterTheSkillSaysNoneIsSetUp() throws Exception {
        SkillHarness s = skillWith(new SwitchSettings.None());

        assertThat(speech(s.call("warm-up"))).contains("No heater switch is set up");
    }
}
