package dev.cuddlies.warmth;

import dev.cuddlies.devices.FaultPlan.Command;
import dev.cuddlies.devices.FaultPlan.RequestFault;
import dev.cuddlies.devices.FaultPlan.SensorFault;
import dev.cuddlies.devices.ScriptedFaults;
import dev.cuddlies.devices.SimulatedSonoffTh;
import dev.cuddlies.devices.SonoffSimServer;
import dev.cuddlies.storage.LocalBlobStore;
import dev.cuddlies.warmth.switches.BlobTokenStore;
import dev.cuddlies.warmth.switches.DeviceException;
import dev.cuddlies.warmth.switches.EwelinkDriver;
import dev.cuddlies.warmth.switches.EwelinkTokenStore;
import dev.cuddlies.warmth.switches.IftttDriver;
import dev.cuddlies.warmth.switches.JsonHttp;
import dev.cuddlies.warmth.switches.LanDriver;
import dev.cuddlies.warmth.switches.SwitchReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each driver against the simulator through its real wire format: paths, bodies, headers, signatures, faults. */
class DriversOnTheWireTest {

    @TempDir
    Path data;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T19:00:00Z"));
    private final ScriptedFaults faults = new ScriptedFaults();
    private SimulatedSonoffTh toy;
    private SonoffSimServer sim;

    @BeforeEach
    void start() throws Exception {
        toy = new SimulatedSonoffTh(clock, 21).withFaults(faults);
        sim = new SonoffSimServer(toy);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private EwelinkDriver ewelink(String appId) {
        return ewelink(appId, EwelinkTokenStore.inMemory(new EwelinkTokenStore.Tokens(sim.accessToken(), sim.refreshToken())));
    }

    private EwelinkDriver ewelink(String appId, EwelinkTokenStore tokens) {
        return new EwelinkDriver(sim.endpoint(), appId, SonoffSimServer.APP_SECRET, SonoffSimServer.DEVICE_ID, tokens,
                clock, new JsonHttp(JsonHttp.TIMEOUT, Duration.ZERO));
    }

    private LanDriver lan(JsonHttp http) {
        return new LanDriver(sim.endpoint(), SonoffSimServer.DEVICE_ID, clock, http);
    }

    private static void assertFails(ThrowingCall call, DeviceException.Kind kind) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DeviceException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    interface ThrowingCall {
        void run() throws Exception;
    }

    @Test
    void lanArmsThePulseBeforeSwitchingOnAndReadsTheSwitchAndTemperature() throws Exception {
        LanDriver lan = new LanDriver(sim.endpoint(), SonoffSimServer.DEVICE_ID, clock);

        lan.heatOn(Duration.ofSeconds(75));

        assertThat(sim.log()).containsExactly(
                "POST /zeroconf/pulse {\"deviceid\":\"1000a1b2c3\",\"data\":{\"pulse\":\"on\",\"pulseWidth\":75000}}",
                "POST /zeroconf/switch {\"deviceid\":\"1000a1b2c3\",\"data\":{\"switch\":\"on\"}}");
        assertThat(lan.read()).isEqualTo(new SwitchReport(SwitchReport.Relay.ON, new Probe.Measured(new Reading(21.0, clock.instant()))));
        lan.heatOff();
        assertThat(toy.relayOn()).isFalse();
    }

    @Test
    void lanNeverSwitchesOnWhenThePulseIsRefused() {
        faults.next(Command.ARM_BACKSTOP, RequestFault.ERROR, 1);
        assertFails(() -> lan(new JsonHttp(JsonHttp.TIMEOUT, Duration.ZERO)).heatOn(Duration.ofSeconds(75)),
                DeviceException.Kind.FAILED);
        assertThat(sim.log()).hasSize(1).allMatch(l -> l.startsWith("POST /zeroconf/pulse"));
        assertThat(toy.switches()).isEmpty();
    }

    @Test
    void lanRefusesAnUnknownDeviceId() {
        LanDriver wrong = new LanDriver(sim.endpoint(), "nosuchdevice", clock);
        assertFails(wrong::heatOff, DeviceException.Kind.REFUSED);
    }

    @Test
    void lanFirmware14SendsDataAsAJsonStringAndAPlainSwitchHasNoSensor() throws Exception {
        sim.firmware14().use(new SimulatedSonoffTh(clock, 21).withoutSensor());
        assertThat(lan(new JsonHttp(JsonHttp.TIMEOUT, Duration.ZERO)).read())
                .isEqualTo(new SwitchReport(SwitchReport.Relay.OFF, new Probe.NoSensor()));
    }

    @Test
    void lanTemperaturesThatAreNotNumbersAreUnreadableAndNanIsMeasuredForThePolicyToJudge() throws Exception {
        LanDriver lan = lan(new JsonHttp(JsonHttp.TIMEOUT, Duration.ZERO));
        faults.readings(SensorFault.DASHES, SensorFault.GARBAGE, SensorFault.SILENT, SensorFault.NAN);
        assertThat(lan.read().probe()).isEqualTo(new Probe.Unreadable("--"));
        assertThat(lan.read().probe()).isInstanceOf(Probe.Unreadable.class);
        assertThat(lan.read().probe()).isEqualTo(new Probe.Unreadable("unavailable"));
        assertThat(lan.read().probe()).isInstanceOfSatisfying(Probe.Measured.class,
                m -> assertThat(m.reading().celsius()).isNaN());
    }

    @Test
    void lanFailuresOnTheWireBecomePlainKinds() {
        sim.holdUnanswered(Duration.ofMillis(600));
        LanDriver lan = lan(new JsonHttp(Duration.ofMillis(300), Duration.ZERO));
        faults.next(Command.READ, RequestFault.NO_ANSWER, 1);
        assertFails(lan::read, DeviceException.Kind.TIMEOUT);
        faults.next(Command.READ, RequestFault.DROP, 1);
        assertFails(lan::read, DeviceException.Kind.OFFLINE);
        faults.next(Command.READ, RequestFault.GARBAGE, 1);
        assertFails(lan::read, DeviceException.Kind.FAILED);
        faults.next(Command.SWITCH_OFF, RequestFault.DROP_AFTER_ACTING, 1);
        toy.setRelay(true);
        assertFails(lan::heatOff, DeviceException.Kind.OFFLINE);
        assertThat(toy.relayOn()).as("it acted; only the answer was lost").isFalse();
    }

    @Test
    void ewelinkArmsInchingThenSwitchesOnWithoutTheDevicesThermostat() throws Exception {
        EwelinkDriver driver = ewelink(SonoffSimServer.APP_ID);

        driver.heatOn(Duration.ofSeconds(75));

        assertThat(sim.log()).hasSize(2);
        assertThat(sim.log().get(0)).contains("\"params\":{\"pulse\":\"on\",\"pulseWidth\":75000}");
        assertThat(sim.log().get(1)).contains("\"params\":{\"switch\":\"on\",\"mainSwitch\":\"on\",\"deviceType\":\"normal\"}");
        assertThat(sim.log()).noneMatch(l -> l.contains("targets"));
        assertThat(toy.relayOn()).isTrue();
        assertThat(driver.read()).isEqualTo(new SwitchReport(SwitchReport.Relay.ON,
                new Probe.Measured(new Reading(21.0, clock.instant()))));
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
    void ewelinkTokensRotatedByOneFunctionAreFoundByTheOtherInTheSharedEncryptedStore() throws Exception {
        LocalBlobStore bucket = new LocalBlobStore(data);
        EwelinkTokenStore.Tokens configured = new EwelinkTokenStore.Tokens(sim.accessToken(), sim.refreshToken());
        EwelinkDriver skill = ewelink(SonoffSimServer.APP_ID, new BlobTokenStore(bucket, SonoffSimServer.APP_SECRET, configured));
        EwelinkDriver tick = ewelink(SonoffSimServer.APP_ID, new BlobTokenStore(bucket, SonoffSimServer.APP_SECRET, configured));
        tick.heatOff();
        sim.expireToken();

        skill.heatOff();
        tick.heatOff();
        EwelinkDriver coldStart = ewelink(SonoffSimServer.APP_ID, new BlobTokenStore(bucket, SonoffSimServer.APP_SECRET, configured));
        coldStart.heatOff();

        assertThat(sim.refreshes()).isEqualTo(1);
        String stored = new String(java.nio.file.Files.readAllBytes(bucket.pathOf("warmth/ewelink-tokens.bin")),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(stored).doesNotContain("sim-access-token").doesNotContain("sim-refresh-token");
    }

    @Test
    void ewelinkFailuresBecomePlainKinds() {
        assertFails(() -> ewelink("someone-elses-app").heatOff(), DeviceException.Kind.REFUSED);
        toy.setOnline(false);
        assertFails(() -> ewelink(SonoffSimServer.APP_ID).heatOff(), DeviceException.Kind.OFFLINE);
        toy.setOnline(true);
        sim.failCloud(503);
        assertFails(() -> ewelink(SonoffSimServer.APP_ID).heatOff(), DeviceException.Kind.OFFLINE);
        sim.failCloud(0);
        faults.next(Command.SWITCH_OFF, RequestFault.GARBAGE, 1); // a proxy's 502 page
        assertFails(() -> ewelink(SonoffSimServer.APP_ID).heatOff(), DeviceException.Kind.OFFLINE);
        EwelinkDriver linkedBefore = ewelink(SonoffSimServer.APP_ID);
        sim.revokeTokens(); // the account was unlinked in the eWeLink app
        assertFails(linkedBefore::heatOff, DeviceException.Kind.SIGNED_OUT);
    }

    @Test
    void ewelinkNeverGoesPastTheCloudsQuotaOf300CallsIn5Minutes() throws Exception {
        EwelinkDriver driver = new EwelinkDriver(sim.endpoint(), SonoffSimServer.APP_ID, SonoffSimServer.APP_SECRET,
                SonoffSimServer.DEVICE_ID, EwelinkTokenStore.inMemory(new EwelinkTokenStore.Tokens(sim.accessToken(),
                sim.refreshToken())), clock, EwelinkDriver.quotaHttp(Duration.ZERO));
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
    void iftttCanSendTheOffEventButNeverConfirmsItAndCannotArmABackstop() {
        IftttDriver ifttt = new IftttDriver(sim.endpoint(), SonoffSimServer.IFTTT_KEY);
        toy.setRelay(true);

        assertFails(ifttt::heatOff, DeviceException.Kind.UNCONFIRMED);

        assertThat(sim.log()).containsExactly("POST /trigger/cuddlie_heat_off/with/key/sim-ifttt-key "
                + "{\"value1\":\"\",\"value2\":\"\",\"value3\":\"cuddlies\"}");
        assertThat(toy.relayOn()).isFalse();
        assertThat(ifttt.capabilities().armsBackstop()).isFalse();
        assertFails(() -> new IftttDriver(sim.endpoint(), "wrong-key").heatOff(), DeviceException.Kind.REFUSED);
    }
}
