package dev.cuddlies.warmth;

import dev.cuddlies.devices.SimulatedSonoffTh;
import dev.cuddlies.devices.SonoffSimServer;
import dev.cuddlies.storage.LocalBlobStore;
import dev.cuddlies.warmth.switches.DeviceException;
import dev.cuddlies.warmth.switches.JsonHttp;
import dev.cuddlies.warmth.switches.LanDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The warmth core driving a simulated Sonoff TH over its real LAN API, on simulated time: the toy
 * heats and cools by a thermal model, the control step runs every 20 simulated seconds (the local
 * console's rate) or every minute (the cloud schedule's).
 */
class WarmthClosedLoopTest {

    private static final Duration STEP = Duration.ofSeconds(20);

    @TempDir
    Path data;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T19:00:00Z"));
    private SimulatedSonoffTh toy;
    private SonoffSimServer sim;
    private WarmthService warmth;

    @BeforeEach
    void start() throws Exception {
        toy = new SimulatedSonoffTh(clock, 21);
        sim = new SonoffSimServer(toy);
        warmth = service(STEP);
    }

    private WarmthService service(Duration step) {
        return new WarmthService(new LanDriver(sim.endpoint(), SonoffSimServer.DEVICE_ID, clock,
                new JsonHttp(JsonHttp.TIMEOUT, Duration.ZERO)), new SafetyPolicy(SafetyLimits.defaults()),
                new LocalBlobStore(data), clock, step);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private WarmthOutcome warm(double c, Duration d) {
        return warmth.warmUp(new WarmRequest(Optional.of(c), Optional.of(d), false));
    }

    /** @param lowestC the settled band's floor: at one-minute steps the toy cools for most of a step between checks */
    private void settlesWithoutOvershoot(Duration step, double lowestC) {
        warmth = service(step);
        assertThat(warm(38, Duration.ofMinutes(90))).isInstanceOf(WarmthOutcome.Warming.class);
        double minSettled = 99;
        double maxSettled = 0;
        for (Duration t = Duration.ZERO; t.compareTo(Duration.ofMinutes(85)) < 0; t = t.plus(step)) {
            clock.advance(step);
            warmth.tick();
            double c = toy.temperatureC();
            if (t.compareTo(Duration.ofMinutes(40)) > 0) {
                minSettled = Math.min(minSettled, c);
                maxSettled = Math.max(maxSettled, c);
            }
        }
        assertThat(minSettled).isGreaterThanOrEqualTo(lowestC);
        assertThat(maxSettled).isLessThanOrEqualTo(38.5);
        assertThat(toy.maxSeenC()).isLessThanOrEqualTo(38 + SafetyLimits.HYSTERESIS_C);
    }

    @Test
    void warmingTo38SettlesAndNeverOvershootsByMoreThanTheHysteresisAtTwentySecondSteps() {
        settlesWithoutOvershoot(STEP, 37.0);
    }

    @Test
    void warmingTo38SettlesAndNeverOvershootsByMoreThanTheHysteresisAtOneMinuteSteps() {
        settlesWithoutOvershoot(Duration.ofMinutes(1), 36.8);
    }

    @Test
    void whenTheBackendStopsCallingTheDeviceSwitchesItselfOffWithinAControlStep() {
        warm(36, Duration.ofMinutes(120));
        assertThat(toy.relayOn()).isTrue();
        assertThat(toy.pulseWidth()).isEqualTo(Duration.ofSeconds(25)); // one step and a quarter-step margin

        clock.advance(Duration.ofSeconds(24));
        assertThat(toy.relayOn()).isTrue();
        clock.advance(Duration.ofSeconds(2));
        assertThat(toy.relayOn()).as("off by the device's own inching timer").isFalse();
        clock.advance(Duration.ofHours(3));
        assertThat(toy.switches()).hasSize(2);
    }

    @Test
    void theSensorGoingSilentSwitchesTheHeaterOffAtTheNextStep() {
        warm(36, Duration.ofMinutes(60));
        clock.advance(Duration.ofMinutes(5));
        warmth.tick();
        assertThat(toy.relayOn()).isTrue();

        toy.setSensorSilent(true);
        clock.advance(STEP);
        assertThat(warmth.tick()).isEqualTo(ControlStep.OFF_NO_READING);
        assertThat(toy.relayOn()).isFalse();
    }

    @Test
    void aToyAlreadyAboveTheCeilingIsSwitchedOffAndNotHeated() {
        toy.setRelay(true);
        toy.setTemperatureC(41);

        WarmthOutcome o = warm(36, Duration.ofMinutes(30));

        assertThat(o).isInstanceOfSatisfying(WarmthOutcome.TooHot.class, h -> assertThat(h.off().confirmed()).isTrue());
        assertThat(toy.relayOn()).isFalse();
        assertThat(warmth.status()).isInstanceOf(WarmthOutcome.Off.class);
    }

    @Test
    void anOfflineDeviceIsReportedPlainlyAndNothingIsSwitchedOn() {
        toy.setOnline(false);

        WarmthOutcome o = warm(36, Duration.ofMinutes(30));

        assertThat(o).isInstanceOfSatisfying(WarmthOutcome.DeviceProblem.class, p -> {
            assertThat(p.kind()).isEqualTo(DeviceException.Kind.OFFLINE);
            assertThat(p.off().heater()).isEqualTo(WarmthOutcome.Heater.NOT_TURNED_ON);
        });
        assertThat(warmth.status()).isInstanceOfSatisfying(WarmthOutcome.Unknown.class,
                u -> assertThat(u.kind()).isEqualTo(DeviceException.Kind.OFFLINE));
        toy.setOnline(true);
        assertThat(toy.switches()).isEmpty();
        assertThat(warmth.status()).isInstanceOf(WarmthOutcome.Off.class);
    }

    @Test
    void stopSwitchesOffAndStatusFollows() {
        warm(35, Duration.ofMinutes(30));
        clock.advance(Duration.ofMinutes(10));
        assertThat(warmth.status()).isInstanceOfSatisfying(WarmthOutcome.On.class,
                on -> assertThat(on.until()).isEqualTo(Instant.parse("2026-11-25T19:30:00Z")));

        assertThat(warmth.stop()).isEqualTo(new WarmthOutcome.Stopped(true));
        assertThat(toy.relayOn()).isFalse();
        assertThat(warmth.status()).isInstanceOf(WarmthOutcome.Off.class);
        assertThat(warmth.stop()).as("idempotent").isEqualTo(new WarmthOutcome.Stopped(true));
    }

    @Test
    void theSessionEndsOnTimeAndTheNextStepsLeaveTheDeviceAlone() {
        warm(36, Duration.ofMinutes(10));
        for (int i = 0; i < 31; i++) { // the last one confirms the end's off a step later
            clock.advance(STEP);
            warmth.tick();
        }
        assertThat(toy.relayOn()).isFalse();
        int requests = sim.log().size();
        clock.advance(STEP);
        assertThat(warmth.tick()).isEqualTo(ControlStep.NO_SESSION);
        assertThat(sim.log()).hasSize(requests);
        assertThat(toy.switches()).filteredOn(SimulatedSonoffTh.Switch::on)
                .allMatch(s -> s.at().isBefore(Instant.parse("2026-11-25T19:10:00Z")));
    }
}
