package dev.cuddlies.warmth;

import dev.cuddlies.devices.IotTasmotaSimulator;

import dev.cuddlies.storage.LocalBlobStore;
import dev.cuddlies.devices.SimulatedSonoffTh;
import dev.cuddlies.warmth.switches.TasmotaIotDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iotdataplane.IotDataPlaneClient;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The Tasmota driver through the real IotDataPlaneClient, an IoT data-plane endpoint and MQTT. */
class TasmotaIotTest {

    @TempDir
    Path data;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T19:00:00Z"));
    private SimulatedSonoffTh toy;
    private IotTasmotaSimulator iot;
    private IotDataPlaneClient client;
    private WarmthService warmth;

    @BeforeEach
    void start() throws Exception {
        toy = new SimulatedSonoffTh(clock, 21);
        iot = new IotTasmotaSimulator(toy, clock);
        client = IotDataPlaneClient.builder().endpointOverride(iot.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create()).build();
        warmth = new WarmthService(new TasmotaIotDriver(client, IotTasmotaSimulator.TOPIC, IotTasmotaSimulator.THING),
                new SafetyPolicy(SafetyLimits.defaults()), new LocalBlobStore(data), clock);
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        iot.close();
    }

    @Test
    void warmUpArmsPulseTimeThenPowersOnOverMqtt() throws Exception {
        iot.telemetry();
        iot.awaitMessages(1);

        WarmthOutcome o = warmth.warmUp(new WarmRequest(Optional.of(36.0), Optional.of(Duration.ofMinutes(120)), false));
        iot.awaitMessages(5);

        assertThat(o).isInstanceOf(WarmthOutcome.Warming.class);
        assertThat(iot.mqttLog()).containsSubsequence(
                "cmnd/cuddlie/PulseTime 7300",
                "cmnd/cuddlie/POWER ON");
        assertThat(iot.mqttLog()).anyMatch(l -> l.equals("stat/cuddlie/RESULT {\"POWER\":\"ON\"}"));
        assertThat(toy.relayOn()).isTrue();
        assertThat(toy.pulseWidth()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void temperatureComesFromTheShadowAndASilentSensorTurnsTheHeaterOff() throws Exception {
        iot.telemetry();
        iot.awaitMessages(1);
        warmth.warmUp(new WarmRequest(Optional.of(36.0), Optional.of(Duration.ofMinutes(60)), false));
        iot.awaitMessages(4);
        assertThat(warmth.status()).isInstanceOfSatisfying(WarmthOutcome.On.class,
                on -> assertThat(on.reading()).hasValueSatisfying(r -> assertThat(r.celsius()).isEqualTo(21.0)));

        // TelePeriod passes with no SENSOR message: the shadow's reading grows stale.
        clock.advance(Duration.ofMinutes(11));
        Thermostat.Decision d = warmth.tick();
        Thread.sleep(200); // the OFF command travels over MQTT

        assertThat(d).isEqualTo(Thermostat.Decision.OFF_STALE_READING);
        assertThat(toy.relayOn()).isFalse();
        assertThat(iot.mqttLog()).contains("cmnd/cuddlie/POWER OFF");
    }

    @Test
    void pulseTimeFollowsTasmotasEncoding() {
        assertThat(TasmotaIotDriver.pulseTime(Duration.ofSeconds(5))).isEqualTo(50);
        assertThat(TasmotaIotDriver.pulseTime(Duration.ofMinutes(30))).isEqualTo(1900);
        assertThat(TasmotaIotDriver.pulseTime(Duration.ofHours(2))).isEqualTo(7300);
        assertThat(TasmotaIotDriver.pulseTime(Duration.ofDays(2))).isEqualTo(64900);
    }
}
