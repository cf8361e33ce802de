package dev.cuddlies.warmth;

import dev.cuddlies.devices.SimulatedSonoffTh;
import dev.cuddlies.devices.SonoffSimServer;
import dev.cuddlies.warmth.switches.DeviceException;
import dev.cuddlies.warmth.switches.EwelinkDriver;
import dev.cuddlies.warmth.switches.EwelinkTokens;
import dev.cuddlies.warmth.switches.IftttDriver;
import dev.cuddlies.warmth.switches.LanDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each driver against the simulator through its real wire format: paths, bodies, headers, signatures. */
class DriversOnTheWireTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T19:00:00Z"));
    private SimulatedSonoffTh toy;
    private SonoffSimServer sim;

    @BeforeEach
    void start() throws Exception {
        toy = new SimulatedSonoffTh(clock, 21);
        sim = new SonoffSimServer(toy);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private EwelinkDriver ewelink(String appId) {
        return new EwelinkDriver(sim.endpoint(), appId, SonoffSimServer.APP_SECRET, SonoffSimServer.DEVICE_ID,
                new EwelinkTokens(sim.accessToken(), sim.refreshToken()), clock, Duration.ZERO);
    }

    @Test
    void lanArmsThePulseBeforeSwitchingOnAndReadsTheTemperature() throws Exception {
        LanDriver lan = new LanDriver(sim.endpoint(), SonoffSimServer.DEVICE_ID, clock);

        lan.heatOn(Duration.ofMinutes(20), 35);

        assertThat(sim.log()).containsExactly(
                "POST /zeroconf/pulse {\"deviceid\":\"1000a1b2c3\",\"data\":{\"pulse\":\"on\",\"pulseWidth\":1200000}}",
                "POST /zeroconf/switch {\"deviceid\":\"1000a1b2c3\",\"data\":{\"switch\":\"on\"}}");
        assertThat(lan.read()).hasValueSatisfying(r -> assertThat(r.celsius()).isEqualTo(21.0));
        lan.heatOff();
        assertThat(toy.relayOn()).isFalse();
    }

    @Test
    void lanRefusesAnUnknownDeviceId() {
        LanDriver wrong = new LanDriver(sim.endpoint(), "nosuchdevice", clock);
        assertThatThrownBy(() -> wrong.heatOff()).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.kind()).isEqualTo(DeviceException.Kind.REFUSED));
    }

    @Test
    void ewelinkSetsTheThermostatThePulseAndTheSwitchWithSignedHeaders() throws Exception {
        EwelinkDriver driver = ewelink(SonoffSimServer.APP_ID);

        driver.heatOn(Duration.ofMinutes(30), 36);

        assertThat(sim.log()).hasSize(3);
        assertThat(sim.log().get(0)).contains("\"deviceType\":\"temperature\"").contains("\"targetHigh\":\"36.0\"")
                .contains("\"targetLow\":\"35.5\"");
        assertThat(sim.log().get(1)).contains("\"pulse\":\"on\",\"pulseWidth\":1800000");
        assertThat(sim.log().get(2)).contains("\"switch\":\"on\"");
        assertThat(toy.relayOn()).isTrue();
        assertThat(driver.read()).hasValueSatisfying(r -> assertThat(r.celsius()).isEqualTo(21.0));
    }

    @Test
    void ewelinkRefreshesAnExpiredTokenOnceWithASignedRequestAndRetries() throws Exception {
        EwelinkDriver driver = ewelink(SonoffSimServer.APP_ID);
        sim.expireToken();

        driver.heatOff();

        assertThat(sim.log()).anyMatch(l -> l.startsWith("POST /v2/user/refresh {\"rt\":\"sim-refresh-token-1\"}"));
        assertThat(sim.accessToken()).isEqualTo("sim-access-token-2");
        assertThat(sim.log().get(sim.log().size() - 1)).contains("\"switch\":\"off\"");
    }

    @Test
    void ewelinkFailuresBecomePlainKinds() {
        assertThatThrownBy(() -> ewelink("someone-elses-app").heatOff()).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.kind()).isEqualTo(DeviceException.Kind.REFUSED));
        toy.setOnline(false);
        assertThatThrownBy(() -> ewelink(SonoffSimServer.APP_ID).heatOff()).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.kind()).isEqualTo(DeviceException.Kind.OFFLINE));
        toy.setOnline(true);
        sim.failCloud(503);
        assertThatThrownBy(() -> ewelink(SonoffSimServer.APP_ID).heatOff()).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.kind()).isEqualTo(DeviceException.Kind.OFFLINE));
    }

    @Test
    void ewelinkNeverGoesPastTheCloudsQuotaOf300CallsIn5Minutes() throws Exception {
        EwelinkDriver driver = ewelink(SonoffSimServer.APP_ID);
        int sent = 0;
        DeviceException refused = null;
        while (refused == null && sent < 400) {
            try {
                driver.heatOff();
                sent++;
            } catch (DeviceException e) {
                refused = e;
            }
        }
        assertThat(sent).isEqualTo(300);
        assertThat(refused.kind()).isEqualTo(DeviceException.Kind.TIMEOUT);
        assertThat(sim.log()).hasSize(300);
    }

    @Test
    void regionalHostsFollowTheCloudsNaming() {
        assertThat(EwelinkDriver.regionalHost("eu")).hasToString("https://eu-apia.coolkit.cc");
        assertThat(EwelinkDriver.regionalHost("cn")).hasToString("https://cn-apia.coolkit.cn");
        assertThatThrownBy(() -> EwelinkDriver.regionalHost("mars")).hasMessageContaining("unknown eWeLink region");
    }

    @Test
    void iftttFiresTheEventsWithValuesAndTheAppletSwitchesTheDevice() throws Exception {
        IftttDriver ifttt = new IftttDriver(sim.endpoint(), SonoffSimServer.IFTTT_KEY);

        ifttt.heatOn(Duration.ofMinutes(20), 35);

        assertThat(sim.log()).containsExactly("POST /trigger/cuddlie_heat_on/with/key/sim-ifttt-key "
                + "{\"value1\":\"35.0\",\"value2\":\"20\",\"value3\":\"cuddlies\"}");
        assertThat(toy.relayOn()).isTrue();
        ifttt.heatOff();
        assertThat(toy.relayOn()).isFalse();
        assertThat(ifttt.capabilities().deviceBackstop()).isFalse();
        assertThatThrownBy(() -> new IftttDriver(sim.endpoint(), "wrong-key").heatOff())
                .isInstanceOfSatisfying(DeviceException.class, e -> assertThat(e.kind()).isEqualTo(DeviceException.Kind.REFUSED));
    }
}
