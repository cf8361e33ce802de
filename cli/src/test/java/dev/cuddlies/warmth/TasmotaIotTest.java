package dev.cuddlies.warmth;

import dev.cuddlies.devices.FaultPlan.Command;
import dev.cuddlies.devices.FaultPlan.RequestFault;
import dev.cuddlies.devices.IotTasmotaSimulator;
import dev.cuddlies.devices.ScriptedFaults;
import dev.cuddlies.devices.SimulatedSonoffTh;
import dev.cuddlies.storage.LocalBlobStore;
import dev.cuddlies.warmth.switches.AwsIotData;
import dev.cuddlies.warmth.switches.DeviceException;
import dev.cuddlies.warmth.switches.TasmotaIotDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Tasmota driver through the real IotDataPlaneClient, an IoT data-plane endpoint and MQTT. */
class TasmotaIotTest {

    private static final Duration STEP = Duration.ofSeconds(20);

    @TempDir
    Path data;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T19:00:00Z"));
    private final ScriptedFaults faults = new ScriptedFaults();
    private SimulatedSonoffTh toy;
    private IotTasmotaSimulator iot;
    private IotDataPlaneClient client;
    private TasmotaIotDriver driver;
    private WarmthService warmth;

    @BeforeEach
    void start() throws Exception {
        toy = new SimulatedSonoffTh(clock, 21).withFaults(faults);
        iot = new IotTasmotaSimulator(toy, clock);
        client = IotDataPlaneClient.builder().endpointOverride(iot.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .httpClient(UrlConnectionHttpClient.create()).build();
        driver = new TasmotaIotDriver(new AwsIotData(client), IotTasmotaSimulator.TOPIC, IotTasmotaSimulator.THING, clock,
                Duration.ofSeconds(2), Duration.ofMillis(5));
        warmth = new WarmthService(driver, new SafetyPolicy(SafetyLimits.defaults()), new LocalBlobStore(data), clock, STEP);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        iot.close();
    }

    private void telemetry() throws Exception {
        iot.telemetry();
        iot.awaitIdle();
    }

    @Test
    void warmUpArmsPulseTimeAndPowersOnInOneBacklogMessage() throws Exception {
        telemetry();

        WarmthOutcome o = warmth.warmUp(new WarmRequest(Optional.of(36.0), Optional.of(Duration.ofMinutes(120)), false));
        iot.awaitIdle();

        assertThat(o).isInstanceOf(WarmthOutcome.Warming.class);
        assertThat(iot.mqttLog()).contains("cmnd/cuddlie/Backlog PulseTime 125; Power ON",
                "stat/cuddlie/RESULT {\"PulseTime1\":{\"Set\":125,\"Remaining\":125}}", "stat/cuddlie/RESULT {\"POWER\":\"ON\"}");
        assertThat(toy.relayOn()).isTrue();
        assertThat(toy.pulseWidth()).isEqualTo(Duration.ofSeconds(25));
    }

    @Test
    void anOffIsConfirmedByTheShadowAndAnOffThatNeverReachesTheDeviceIsNot() throws Exception {
        telemetry();
        warmth.warmUp(new WarmRequest(Optional.of(36.0), Optional.of(Duration.ofMinutes(60)), false));
        iot.awaitIdle();

        faults.next(Command.SWITCH_OFF, RequestFault.DROP, 1); // AWS IoT accepts it; the device never gets it
        WarmthOutcome failed = warmth.stop();
        assertThat(failed).isInstanceOfSatisfying(WarmthOutcome.StopFailed.class,
                f -> assertThat(f.kind()).isEqualTo(DeviceException.Kind.UNCONFIRMED));
        assertThat(toy.relayOn()).isTrue();

        clock.advance(STEP);
        assertThat(warmth.tick()).isEqualTo(ControlStep.OFF_CONFIRMED);
        assertThat(toy.relayOn()).isFalse();
        assertThat(iot.mqttLog()).contains("stat/cuddlie/RESULT {\"POWER\":\"OFF\"}");
    }

    @Test
    void temperatureComesFromTheShadowAndASilentSensorTurnsTheHeaterOff() throws Exception {
        telemetry();
        warmth.warmUp(new WarmRequest(Optional.of(36.0), Optional.of(Duration.ofMinutes(60)), false));
        iot.awaitIdle();
        assertThat(warmth.status()).isInstanceOfSatisfying(WarmthOutcome.On.class,
                on -> assertThat(on.reading()).hasValueSatisfying(r -> assertThat(r.celsius()).isEqualTo(21.0)));

        // TelePeriod passes with no SENSOR message: the shadow's reading grows stale.
        clock.advance(Duration.ofMinutes(11));
        ControlStep d = warmth.tick();

        assertThat(d).isEqualTo(ControlStep.OFF_STALE_READING);
        assertThat(toy.relayOn()).isFalse();
        assertThat(iot.mqttLog()).contains("cmnd/cuddlie/POWER OFF");
    }

    @Test
    void fahrenheitTelemetryIsReadInCelsius() throws Exception {
        iot.tasmota().tempUnit("F");
        toy.setTemperatureC(36.5);
        telemetry();

        assertThat(driver.read().probe()).isInstanceOfSatisfying(Probe.Measured.class,
                m -> assertThat(m.reading().celsius()).isBetween(36.4, 36.6));
        assertThat(iot.mqttLog()).anyMatch(l -> l.contains("\"Temperature\":97.7") && l.contains("\"TempUnit\":\"F\""));
    }

    @Test
    void awsIotFailuresBecomePlainKinds() {
        faults.next(Command.READ, RequestFault.ERROR, 1);
        assertThatThrownBy(driver::read).isInstanceOfSatisfying(DeviceException.class,
                e -> assertThat(e.kind()).isEqualTo(DeviceException.Kind.OFFLINE));
    }

    @Test
    void pulseTimeFollowsTasmotasEncoding() {
        assertThat(TasmotaIotDriver.pulseTime(Duration.ofSeconds(5))).isEqualTo(50);
        assertThat(TasmotaIotDriver.pulseTime(Duration.ofSeconds(25))).isEqualTo(125);
        assertThat(TasmotaIotDriver.pulseTime(Duration.ofMinutes(30))).isEqualTo(1900);
        assertThat(TasmotaIotDriver.pulseTime(Duration.ofHours(2))).isEqualTo(7300);
        assertThat(TasmotaIotDriver.pulseTime(Duration.ofDays(2))).isEqualTo(64900);
    }
}
