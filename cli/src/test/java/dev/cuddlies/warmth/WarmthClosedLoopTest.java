package dev.cuddlies.warmth;

import dev.cuddlies.storage.LocalBlobStore;
import dev.cuddlies.devices.SimulatedSonoffTh;
import dev.cuddlies.devices.SonoffSimServer;
import dev.cuddlies.warmth.switches.DeviceException;
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
 * heats and cools by a thermal model, the thermostat runs every 20 simulated seconds.
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
        warmth = new WarmthService(new LanDriver(sim.endpoint(), SonoffSimServer.DEVICE_ID, clock, Duration.ZERO),
                new SafetyPolicy(SafetyLimits.defaults()), new LocalBlobStore(data), clock);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private WarmthOutcome warm(double c, Duration d) {
        return warmth.warmUp(new WarmRequest(Optional.of(c), Optional.of(d), false));
    }

    @Test
    void warmingTo36SettlesWithinOneDegreeAndNeverOvershootsByMoreThanTheHysteresis() {
        assertThat(warm(36, Duration.ofMinutes(90))).isInstanceOf(WarmthOutcome.Warming.class);
        double maxAfterTarget = 0;
        double minSettled = 99;
        double maxSettled = 0;
        for (Duration t = Duration.ZERO; t.compareTo(Duration.ofMinutes(85)) < 0; t = t.plus(STEP)) {
            clock.advance(STEP);
            warmth.tick();
            double c = toy.temperatureC();
            maxAfterTarget = Math.max(maxAfterTarget, c);
            if (t.compareTo(Duration.ofMinutes(40)) > 0) {
                minSettled = Math.min(minSettled, c);
                maxSettled = Math.max(maxSettled, c);
            }
        }
        assertThat(minSettled).isGreaterThanOrEqualTo(35.0);
        assertThat(maxSettled).isLessThanOrEqualTo(37.0);
        assertThat(toy.maxSeenC()).isLessThanOrEqualTo(36 + SafetyLimits.HYSTERESIS_C);
        assertThat(maxAfterTarget).isGreaterThan(35.5);
    }

    @Test
    void whenTheBackendStopsCallingTheDeviceBackstopSwitchesOffOnTime() {
        warm(36, Duration.ofMinutes(30));
        assertThat(toy.relayOn()).isTrue();
        assertThat(toy.pulseWidth()).isEqualTo(Duration.ofMinutes(30));

        clock.advance(Duration.ofMinutes(29));
        assertThat(toy.relayOn()).isTrue();
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(toy.relayOn()).as("off by the device's own inching timer").isFalse();
    }

    @Test
    void aTwoHourSessionIsStillStoppedWithinTheHourIfNothingCallsAgain() {
        warm(36, Duration.ofMinutes(120));

        assertThat(toy.pulseWidth()).isEqualTo(Duration.ofMinutes(60)); // the device's longest inching
        clock.advance(Duration.ofMinutes(60).plusSeconds(1));
        assertThat(toy.relayOn()).isFalse();
    }

    @Test
    void theSensorGoingSilentSwitchesTheHeaterOffWithinTenMinutes() {
        warm(36, Duration.ofMinutes(60));
        clock.advance(Duration.ofMinutes(5));
        warmth.tick();
        assertThat(toy.relayOn()).isTrue();

        toy.setSensorSilent(true);
        Instant silentSince = clock.instant();
        while (toy.relayOn() && Duration.between(silentSince, clock.instant()).compareTo(Duration.ofMinutes(10)) < 0) {
            clock.advance(STEP);
            warmth.tick();
        }
        assertThat(toy.relayOn()).isFalse();
        assertThat(Duration.between(silentSince, clock.instant())).isLessThanOrEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aToyAlreadyAboveTheCeilingIsSwitchedOffAndNotHeated() {
        toy.setRelay(true);
        toy.setTemperatureC(41);

        WarmthOutcome o = warm(36, Duration.ofMinutes(30));

        assertThat(o).isInstanceOf(WarmthOutcome.TooHot.class);
        assertThat(toy.relayOn()).isFalse();
        assertThat(warmth.status()).isInstanceOf(WarmthOutcome.Off.class);
    }

    @Test
    void anOfflineDeviceIsReportedPlainlyAndNothingIsLeftOn() {
        toy.setOnline(false);

        WarmthOutcome o = warm(36, Duration.ofMinutes(30));

        assertThat(o).isInstanceOfSatisfying(WarmthOutcome.DeviceProblem.class,
                p -> assertThat(p.kind()).isEqualTo(DeviceException.Kind.OFFLINE));
        toy.setOnline(true);
        assertThat(toy.relayOn()).isFalse();
        assertThat(warmth.status()).isInstanceOf(WarmthOutcome.Off.class);
    }

    @Test
    void stopSwitchesOffAndStatusFollows() {
        warm(35, Duration.ofMinutes(30));
        clock.advance(Duration.ofMinutes(10));
        assertThat(warmth.status()).isInstanceOfSatisfying(WarmthOutcome.On.class,
                on -> assertThat(on.left()).isEqualTo(Duration.ofMinutes(20)));

        assertThat(warmth.stop()).isInstanceOf(WarmthOutcome.Stopped.class);
        assertThat(toy.relayOn()).isFalse();
        assertThat(warmth.status()).isInstanceOf(WarmthOutcome.Off.class);
        assertThat(warmth.stop()).as("idempotent").isInstanceOf(WarmthOutcome.Stopped.class);
    }
}
