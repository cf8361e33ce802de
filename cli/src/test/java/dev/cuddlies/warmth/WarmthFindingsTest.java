package dev.cuddlies.warmth;

import dev.cuddlies.config.AppConfig;
import dev.cuddlies.config.Services;
import dev.cuddlies.devices.FaultPlan.Command;
import dev.cuddlies.devices.FaultPlan.RequestFault;
import dev.cuddlies.devices.FaultPlan.SensorFault;
import dev.cuddlies.devices.ScriptedFaults;
import dev.cuddlies.devices.SimulatedSonoffTh;
import dev.cuddlies.devices.SimulatedTasmota;
import dev.cuddlies.devices.SonoffSimServer;
import dev.cuddlies.skill.WarmthMessages;
import dev.cuddlies.storage.LocalBlobStore;
import dev.cuddlies.storage.StorageException;
import dev.cuddlies.warmth.switches.BlobTokenStore;
import dev.cuddlies.warmth.switches.DeviceException;
import dev.cuddlies.warmth.switches.EwelinkDriver;
import dev.cuddlies.warmth.switches.EwelinkTokenStore;
import dev.cuddlies.warmth.switches.JsonHttp;
import dev.cuddlies.warmth.switches.LanDriver;
import dev.cuddlies.warmth.switches.TasmotaIotDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The nine findings of issue 10, each replayed against the simulated Sonoff over its real LAN or
 * eWeLink API (or the Tasmota firmware in process) on simulated time. Every one of these scenarios
 * failed before the fix (see docs/safety.md).
 */
class WarmthFindingsTest {

    private static final Duration STEP = Duration.ofSeconds(20);

    @TempDir
    Path data;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T19:00:00Z"));
    private final ScriptedFaults faults = new ScriptedFaults();
    private SimulatedSonoffTh toy;
    private SonoffSimServer sim;
    private LocalBlobStore store;

    @BeforeEach
    void start() throws Exception {
        toy = new SimulatedSonoffTh(clock, 21).withFaults(faults);
        sim = new SonoffSimServer(toy);
        store = new LocalBlobStore(data);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private LanDriver lanDriver() {
        return new LanDriver(sim.endpoint(), SonoffSimServer.DEVICE_ID, clock, new JsonHttp(JsonHttp.TIMEOUT, Duration.ZERO));
    }

    private WarmthService lan(dev.cuddlies.storage.BlobStore s) {
        return new WarmthService(lanDriver(), new SafetyPolicy(SafetyLimits.defaults()), s, clock, STEP);
    }

    private WarmthService ewelink(EwelinkTokenStore tokens) {
        return new WarmthService(new EwelinkDriver(sim.endpoint(), SonoffSimServer.APP_ID, SonoffSimServer.APP_SECRET,
                SonoffSimServer.DEVICE_ID, tokens, clock, new JsonHttp(JsonHttp.TIMEOUT, Duration.ZERO)),
                new SafetyPolicy(SafetyLimits.defaults()), store, clock, STEP);
    }

    private EwelinkTokenStore sharedTokens() {
        return new BlobTokenStore(store, SonoffSimServer.APP_SECRET,
                new EwelinkTokenStore.Tokens(sim.accessToken(), sim.refreshToken()));
    }

    private static WarmthOutcome warm(WarmthService w, double c, int minutes) {
        return w.warmUp(new WarmRequest(Optional.of(c), Optional.of(Duration.ofMinutes(minutes)), false));
    }

    private static String say(WarmthOutcome o, Instant now) {
        return WarmthMessages.say(o, new WarmthMessages.When(now, Optional.empty(), Locale.UK));
    }

    // ---- 1. A reading that is not a number kills the control loop

    @Test
    void finding1_aDashesReadingSwitchesOffAndTheStepReturns() {
        WarmthService w = lan(store);
        warm(w, 36, 60);
        assertThat(toy.relayOn()).isTrue();
        faults.always(SensorFault.DASHES);
        clock.advance(STEP);

        assertThatCode(w::tick).doesNotThrowAnyException();
        assertThat(toy.relayOn()).isFalse();
        clock.advance(STEP);
        assertThat(w.tick()).isEqualTo(ControlStep.OFF_NO_READING);
    }

    @Test
    void finding1_theScheduleKeepsRunningThroughGarbageReadings() throws Exception {
        WarmthService w = lan(store);
        warm(w, 36, 60);
        faults.always(SensorFault.GARBAGE);
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();
        try {
            schedule.scheduleAtFixedRate(w::tick, 0, 5, TimeUnit.MILLISECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (sim.log().stream().filter(l -> l.contains("/zeroconf/info")).count() < 6 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } finally {
            schedule.shutdownNow();
        }
        assertThat(sim.log().stream().filter(l -> l.contains("/zeroconf/info")).count()).isGreaterThanOrEqualTo(6);
        assertThat(toy.relayOn()).isFalse();
    }

    // ---- 2. NaN keeps heating

    @ParameterizedTest
    @EnumSource(value = SensorFault.class, names = {"NAN", "MINUS_127", "NEGATIVE_INFINITY", "HUGE"})
    void finding2_aNonsenseReadingAt44SwitchesOff(SensorFault nonsense) {
        WarmthService w = lan(store);
        warm(w, 36, 60);
        toy.setTemperatureC(44);
        faults.always(nonsense);
        clock.advance(STEP);

        assertThat(w.tick()).isIn(ControlStep.OFF_IMPLAUSIBLE_READING, ControlStep.OFF_NO_READING);
        assertThat(toy.relayOn()).isFalse();
        assertThat(say(w.status(), clock.instant())).doesNotContain("NaN").doesNotContain("127").doesNotContain("Infinity");
    }

    @Test
    void finding2_minusFiveJustAfterThirtySixIsNotBelieved() {
        WarmthService w = lan(store);
        toy.setTemperatureC(35);
        warm(w, 36, 60);
        toy.setTemperatureC(35.3);
        // The toy is warm, the sensor now says -5: no stuffed toy cools 40 degrees in 20 seconds.
        SimulatedSonoffTh cold = toy;
        clock.advance(STEP);
        cold.setTemperatureC(-5);
        assertThat(w.tick()).isEqualTo(ControlStep.OFF_IMPLAUSIBLE_READING);
        assertThat(toy.relayOn()).isFalse();
    }

    // ---- 3. A failed off clears the session, so nothing retries

    @Test
    void finding3_aRefusedOffAt41IsRetriedUntilTheDeviceConfirmsAndStatusNeverSaysOff() {
        WarmthService w = lan(store);
        warm(w, 36, 60);
        toy.setTemperatureC(41);
        faults.refuseOffs(1);
        clock.advance(STEP);

        w.tick();
        assertThat(toy.relayOn()).isTrue();
        WarmthOutcome status = w.status();
        assertThat(status).isInstanceOf(WarmthOutcome.OffPending.class);
        assertThat(say(status, clock.instant())).containsIgnoringCase("please unplug it").doesNotContain("is off");

        clock.advance(STEP);
        assertThat(w.tick()).isEqualTo(ControlStep.OFF_CONFIRMED);
        assertThat(toy.relayOn()).isFalse();
        assertThat(w.status()).isInstanceOf(WarmthOutcome.Off.class);
    }

    @Test
    void finding3_aStopThatFailsSaysUnplugAndIsRetried() {
        WarmthService w = lan(store);
        warm(w, 36, 60);
        faults.refuseOffs(1);

        WarmthOutcome stop = w.stop();
        assertThat(stop).isInstanceOf(WarmthOutcome.StopFailed.class);
        assertThat(say(stop, clock.instant())).contains("Please unplug the heater now: I couldn't switch it off.");
        assertThat(toy.relayOn()).isTrue();

        clock.advance(STEP);
        w.tick();
        assertThat(toy.relayOn()).isFalse();
    }

    @Test
    void finding3_aSecondWarmUpWhileUnreachableNeverSaysNotHeating() {
        WarmthService w = lan(store);
        warm(w, 36, 60);
        toy.setOnline(false);

        WarmthOutcome again = warm(w, 36, 60);
        assertThat(again).isInstanceOfSatisfying(WarmthOutcome.DeviceProblem.class,
                p -> assertThat(p.off().heater()).isEqualTo(WarmthOutcome.Heater.MAY_BE_ON));
        assertThat(say(again, clock.instant())).containsIgnoringCase("please unplug the heater").doesNotContain("not heating");
        toy.setOnline(true);
        clock.advance(STEP);
        w.tick();
        assertThat(toy.relayOn()).isFalse();
    }

    // ---- 4. eWeLink's backstop is not one

    @Test
    void finding4_ewelinkNeverLeavesTheDeviceHeatingWhenNothingCallsAgain() {
        WarmthService w = ewelink(sharedTokens());
        warm(w, 36, 30);
        assertThat(toy.relayOn()).isTrue();
        assertThat(toy.thermostatMode()).as("the device's own thermostat is never used").isFalse();

        clock.advance(Duration.ofMinutes(330));

        var lastOff = toy.switches().get(toy.switches().size() - 1);
        assertThat(lastOff.on()).isFalse();
        assertThat(toy.switches()).hasSize(2); // on once, off once: by its own timer, a control step later
        assertThat(Duration.between(Instant.parse("2026-11-25T19:00:00Z"), lastOff.at()))
                .isLessThanOrEqualTo(STEP.plus(Duration.ofSeconds(5)));
    }

    @Test
    void finding4_ewelinkClearsAThermostatSetInTheAppOnEveryOff() throws Exception {
        toy.setThermostat(35.5, 36.0); // someone set "auto" mode in the eWeLink app
        WarmthService w = ewelink(sharedTokens());
        assertThat(w.stop()).isInstanceOf(WarmthOutcome.Stopped.class);
        assertThat(toy.thermostatMode()).isFalse();
    }

    @Test
    void finding4_whenArmingTheBackstopFailsTheRelayNeverClosesAndTheAnswerIsConfirmedOff() {
        faults.next(Command.ARM_BACKSTOP, RequestFault.ERROR, 1);
        WarmthService w = ewelink(sharedTokens());

        WarmthOutcome o = warm(w, 36, 30);

        assertThat(toy.switches()).isEmpty();
        assertThat(sim.log()).noneMatch(l -> l.contains("\"switch\":\"on\""));
        assertThat(o).isInstanceOfSatisfying(WarmthOutcome.DeviceProblem.class,
                p -> assertThat(p.off().confirmed()).isTrue());
    }

    // ---- 5. If saving the session fails, the thermostat never runs

    @Test
    void finding5_aSessionThatCannotBeSavedIsNotStartedAndSaysSo() {
        InterferingStore failing = new InterferingStore(store).fail(InterferingStore.Call.PUT, 1,
                StorageException.Kind.UNAVAILABLE);
        WarmthService w = lan(failing);

        WarmthOutcome o = warm(w, 36, 30);

        assertThat(o).isInstanceOfSatisfying(WarmthOutcome.NotStarted.class,
                n -> assertThat(n.off()).hasValueSatisfying(off -> assertThat(off.confirmed()).isTrue()));
        assertThat(say(o, clock.instant())).contains("couldn't keep track of the warming, so I didn't start").contains("It is not heating.");
        assertThat(toy.switches()).isEmpty();
    }

    // ---- 6. "Turn it off" races a control step

    @Test
    void finding6_aStopBetweenTheStepsReadAndWriteMakesTheStepSwitchNothingOn() {
        WarmthService skill = lan(store);
        warm(skill, 36, 60);
        clock.advance(STEP);
        toy.setRelay(false); // say the pulse had ended: only the step could switch it on now
        WarmthOutcome[] stop = new WarmthOutcome[1];
        InterferingStore racing = new InterferingStore(store).raceBefore(InterferingStore.Call.PUT, 0,
                () -> stop[0] = skill.stop());
        WarmthService tick = lan(racing);

        assertThat(tick.tick()).isEqualTo(ControlStep.LOST_RACE);
        assertThat(stop[0]).isInstanceOf(WarmthOutcome.Stopped.class);
        assertThat(toy.relayOn()).isFalse();
        assertThat(toy.switches()).noneMatch(s -> s.on() && s.at().equals(clock.instant()));
    }

    @Test
    void finding6_aStopWhileTheStepSwitchesOnWinsWithinTheSameStep() {
        WarmthService skill = lan(store);
        warm(skill, 36, 60);
        clock.advance(STEP);
        WarmthOutcome[] stop = new WarmthOutcome[1];
        // load, write, (device on), then the re-check load: the stop lands just before it.
        InterferingStore racing = new InterferingStore(store).raceBefore(InterferingStore.Call.GET, 1,
                () -> stop[0] = skill.stop());
        WarmthService tick = lan(racing);

        assertThat(tick.tick()).isEqualTo(ControlStep.LOST_RACE);
        assertThat(stop[0]).isInstanceOf(WarmthOutcome.Stopped.class);
        assertThat(toy.relayOn()).isFalse();
        clock.advance(STEP);
        assertThat(tick.tick()).isEqualTo(ControlStep.OFF_CONFIRMED);
        clock.advance(STEP);
        assertThat(tick.tick()).isEqualTo(ControlStep.NO_SESSION);
        assertThat(toy.relayOn()).isFalse();
    }

    // ---- 7. Devices without a sensor

    @Test
    void finding7_aSensorlessSwitchWarmsInBurstsForTheWholeSessionAndSaysSo() {
        SimulatedSonoffTh basic = new SimulatedSonoffTh(clock, 21).withoutSensor();
        sim.use(basic);
        WarmthService w = lan(store);

        WarmthOutcome o = warm(w, 36, 30);
        assertThat(o).isInstanceOf(WarmthOutcome.WarmingTimed.class);
        assertThat(say(o, clock.instant())).contains("can't read its temperature").contains("in bursts for 30 minutes")
                .contains("It turns itself off then");
        Duration on = Duration.ZERO;
        for (int s = 0; s < 90; s++) {
            if (basic.relayOn()) {
                on = on.plus(STEP);
            }
            clock.advance(STEP);
            w.tick();
        }
        assertThat(on).isBetween(Duration.ofMinutes(11), Duration.ofMinutes(13)); // 4 of every 10 minutes, in bursts
        assertThat(basic.relayOn()).isFalse();
        assertThat(basic.maxSeenC()).isLessThan(40);
        assertThat(say(w.status(), clock.instant())).isEqualTo("The heater is off.");
    }

    @Test
    void finding7_statusOfATimedSessionIsHonest() {
        sim.use(new SimulatedSonoffTh(clock, 21).withoutSensor());
        WarmthService w = lan(store);
        warm(w, 36, 30);
        clock.advance(Duration.ofMinutes(10));
        assertThat(WarmthMessages.say(w.status(), new WarmthMessages.When(clock.instant(),
                Optional.of(java.time.ZoneId.of("Europe/London")), Locale.UK)))
                .isEqualTo("I can't read its temperature; it's warming gently, in bursts, and switches off at 19:30.");
    }

    @Test
    void finding7_diyFirmware14SendsDataAsAStringAndItIsRead() throws Exception {
        sim.firmware14();
        assertThat(lanDriver().read().probe()).isEqualTo(new Probe.Measured(new Reading(21.0, clock.instant())));
        sim.use(new SimulatedSonoffTh(clock, 21).withoutSensor());
        assertThat(lanDriver().read().probe()).isInstanceOf(Probe.NoSensor.class);
    }

    // ---- 8. eWeLink tokens

    @Test
    void finding8_aRefreshByOneFunctionDoesNotSignTheOtherOut() throws Exception {
        WarmthService skillSide = ewelink(sharedTokens());
        WarmthService tickSide = ewelink(sharedTokens());
        warm(skillSide, 36, 30); // both now hold token 1
        tickSide.tick();
        sim.expireToken();

        assertThat(skillSide.stop()).isInstanceOf(WarmthOutcome.Stopped.class); // refreshes: token 2
        clock.advance(STEP);
        assertThat(tickSide.tick()).isEqualTo(ControlStep.OFF_CONFIRMED); // reloads token 2, no second refresh

        assertThat(sim.refreshes()).isEqualTo(1);
        assertThat(toy.relayOn()).isFalse();
    }

    @Test
    void finding8_anAccountThatWasUnlinkedIsSpokenAsConnectItAgain() {
        WarmthService w = ewelink(sharedTokens());
        sim.revokeTokens();

        WarmthOutcome o = warm(w, 36, 30);

        assertThat(o).isInstanceOfSatisfying(WarmthOutcome.DeviceProblem.class,
                p -> assertThat(p.kind()).isEqualTo(DeviceException.Kind.SIGNED_OUT));
        assertThat(say(o, clock.instant())).contains("eWeLink account needs connecting again");
    }

    // ---- 9. Smaller ones

    @Test
    void finding9_pulseTimeBetween11And12SecondsIsTenthsNotSeconds() {
        assertThat(TasmotaIotDriver.pulseTime(Duration.ofMillis(11_100))).isEqualTo(111);
        assertThat(TasmotaIotDriver.pulseTime(Duration.ofMillis(11_500))).isEqualTo(111);
        assertThat(TasmotaIotDriver.pulseTime(Duration.ofMillis(11_999))).isEqualTo(111);
        assertThat(TasmotaIotDriver.pulseTime(Duration.ofSeconds(12))).isEqualTo(112);
    }

    @Test
    void finding9_aReadingStampedInTheFutureSwitchesOff() {
        SimulatedTasmota tasmota = new SimulatedTasmota(toy, clock);
        InProcessIot iot = new InProcessIot(tasmota);
        WarmthService w = new WarmthService(new TasmotaIotDriver(iot, "cuddlie", "cuddlie-thing", clock, Duration.ZERO,
                Duration.ZERO), new SafetyPolicy(SafetyLimits.defaults()), store, clock, STEP);
        iot.telemetry();
        warm(w, 36, 60);
        assertThat(toy.relayOn()).isTrue();
        faults.readings(SensorFault.FUTURE);
        clock.advance(STEP);
        iot.telemetry();

        assertThat(w.tick()).isEqualTo(ControlStep.OFF_IMPLAUSIBLE_READING);
        assertThat(toy.relayOn()).isFalse();
    }

    @Test
    void finding9_tasmotaFahrenheitIsReadAsFahrenheit() throws Exception {
        SimulatedTasmota tasmota = new SimulatedTasmota(toy, clock).tempUnit("F");
        InProcessIot iot = new InProcessIot(tasmota);
        toy.setTemperatureC(37);
        iot.telemetry();
        TasmotaIotDriver d = new TasmotaIotDriver(iot, "cuddlie", "cuddlie-thing", clock, Duration.ZERO, Duration.ZERO);

        assertThat(((Probe.Measured) d.read().probe()).reading().celsius()).isCloseTo(37.0, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void finding9_degreesThatAreNotANumberAreAskedAgainNotTurnedIntoZero() {
        WarmthService w = lan(store);
        WarmthOutcome o = w.warmUp(new WarmRequest(Optional.of(Double.NaN), Optional.empty(), false));
        assertThat(o).isInstanceOf(WarmthOutcome.UnclearDegrees.class);
        assertThat(toy.switches()).isEmpty();
    }

    @Test
    void finding9_inTheUs79IsAskedAgainAnd80IsFahrenheit() {
        SafetyPolicy p = new SafetyPolicy(SafetyLimits.defaults());
        assertThat(p.plan(new WarmRequest(Optional.of(79.0), Optional.empty(), true))).isEmpty();
        assertThat(p.plan(new WarmRequest(Optional.of(80.0), Optional.empty(), true)))
                .hasValueSatisfying(plan -> assertThat(plan.targetC()).isEqualTo(30));
        assertThat(p.plan(new WarmRequest(Optional.of(40.0), Optional.empty(), true)))
                .hasValueSatisfying(plan -> assertThat(plan.targetC()).isEqualTo(38));
    }

    @Test
    void finding9_withNoReadingYetWarmUpSwitchesNothingOn() {
        faults.always(SensorFault.SILENT);
        WarmthService w = lan(store);

        WarmthOutcome o = warm(w, 36, 30);

        assertThat(o).isInstanceOf(WarmthOutcome.NoReading.class);
        assertThat(toy.switches()).isEmpty();
        assertThat(say(o, clock.instant())).contains("so I won't warm it").contains("It is not heating.");
    }

    @Test
    void finding9_configuredLimitsMayOnlyLowerAndAreUsed() {
        AppConfig config = AppConfig.fromEnv(Map.of("CUDDLIES_SWITCH_DRIVER", "lan", "CUDDLIES_SONOFF_URL",
                sim.endpoint().toString(), "CUDDLIES_SONOFF_DEVICE_ID", SonoffSimServer.DEVICE_ID,
                "CUDDLIES_MAX_SETPOINT_C", "34", "CUDDLIES_MAX_MINUTES", "45", "CUDDLIES_HOME", data.toString()));
        WarmthService w = Services.warmth(config, store, Services.secrets(config, clock), clock).orElseThrow();

        assertThat(w.warmUp(new WarmRequest(Optional.of(36.0), Optional.of(Duration.ofHours(2)), false)))
                .isInstanceOfSatisfying(WarmthOutcome.Warming.class, o -> {
                    assertThat(o.plan().targetC()).isEqualTo(34);
                    assertThat(o.plan().duration()).isEqualTo(Duration.ofMinutes(45));
                });
        AppConfig raising = AppConfig.fromEnv(Map.of("CUDDLIES_MAX_SETPOINT_C", "45", "CUDDLIES_MAX_MINUTES", "600"));
        assertThat(raising.warmth().limits()).isEqualTo(SafetyLimits.defaults());
    }
}
