package dev.cuddlies.storage;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import dev.cuddlies.devices.SimulatedSonoffTh;
import dev.cuddlies.devices.SonoffSimServer;
import dev.cuddlies.warmth.ControlStep;
import dev.cuddlies.warmth.MutableClock;
import dev.cuddlies.warmth.SafetyLimits;
import dev.cuddlies.warmth.SafetyPolicy;
import dev.cuddlies.warmth.WarmRequest;
import dev.cuddlies.warmth.WarmthOutcome;
import dev.cuddlies.warmth.WarmthService;
import dev.cuddlies.warmth.switches.JsonHttp;
import dev.cuddlies.warmth.switches.LanDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Conditional writes (PutObject with {@code If-None-Match: *} and {@code If-Match: <etag>}) through the
 * AWS SDK's S3 client against S3Mock, and the warmth session kept in them: what makes "stop always
 * wins" hold across the skill and the control-step functions.
 */
class S3ConditionalWritesTest {

    private static final String BUCKET = "cuddlies-conditional";
    /** Generous: S3Mock's first answers are slow while it warms up on a busy machine. */
    private static final Duration T = Duration.ofSeconds(30);

    @RegisterExtension
    static final S3MockExtension S3 = S3MockExtension.builder().silent().withInitialBuckets(BUCKET).build();

    private static S3Client s3;
    private static S3BlobStore store;

    @BeforeAll
    static void client() {
        URI endpoint = URI.create("http://127.0.0.1:" + S3.getHttpPort());
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
        S3Configuration pathStyle = S3Configuration.builder().pathStyleAccessEnabled(true).build();
        s3 = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create()).serviceConfiguration(pathStyle)
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        store = new S3BlobStore(s3, S3Presigner.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).serviceConfiguration(pathStyle).build(), BUCKET);
        s3.listObjectsV2(r -> r.bucket(BUCKET)); // S3Mock's first answer is slow: not inside a 2 s session call
    }

    @AfterAll
    static void close() {
        s3.close();
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void conflict(ThrowingPut put) {
        assertThatThrownBy(put::run).isInstanceOfSatisfying(StorageException.class,
                e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.CONFLICT));
    }

    interface ThrowingPut {
        void run() throws Exception;
    }

    @Test
    void ifNoneMatchCreatesOnceAndIfMatchWritesOnlyOverTheVersionRead() throws Exception {
        String key = "warmth/" + UUID.randomUUID() + ".json";
        assertThat(store.getVersioned(key, 1000, T)).isEmpty();

        String v1 = store.putIfVersion(key, b("one"), "application/json", Optional.empty(), T);
        conflict(() -> store.putIfVersion(key, b("again"), "application/json", Optional.empty(), T));
        BlobStore.Versioned read = store.getVersioned(key, 1000, T).orElseThrow();
        assertThat(read.version()).isEqualTo(v1);

        String v2 = store.putIfVersion(key, b("two"), "application/json", Optional.of(read.version()), T);
        conflict(() -> store.putIfVersion(key, b("stale"), "application/json", Optional.of(v1), T));
        assertThat(new String(store.getVersioned(key, 1000, T).orElseThrow().data(), StandardCharsets.UTF_8)).isEqualTo("two");
        assertThat(v2).isNotEqualTo(v1);
    }

    @Test
    void ofWritersThatReadTheSameVersionOnlyTheFirstWins() throws Exception {
        // S3 makes If-Match atomic; S3Mock serialises it only loosely, so racing writers here would test
        // S3Mock. What is ours is tested: every writer after the first, holding the version all of them
        // read, is refused as a CONFLICT and changes nothing.
        String key = "warmth/" + UUID.randomUUID() + ".json";
        String v = store.putIfVersion(key, b("0"), "application/json", Optional.empty(), T);
        String won = store.putIfVersion(key, b("w0"), "application/json", Optional.of(v), T);
        for (int i = 1; i < 8; i++) {
            String value = "w" + i;
            assertThatThrownBy(() -> store.putIfVersion(key, b(value), "application/json", Optional.of(v), T))
                    .isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.CONFLICT));
        }
        assertThat(store.getVersioned(key, 100, T)).hasValueSatisfying(now -> {
            assertThat(new String(now.data(), StandardCharsets.UTF_8)).isEqualTo("w0");
            assertThat(now.version()).isEqualTo(won);
        });
    }

    @Test
    void aStopThroughS3WinsOverAControlStepThatReadTheSessionBefore() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-25T19:00:00Z"));
        SimulatedSonoffTh toy = new SimulatedSonoffTh(clock, 21);
        try (SonoffSimServer sim = new SonoffSimServer(toy)) {
            // Each function has its own S3 client in Lambda; here they share the bucket the same way.
            WarmthService skill = lanOverS3(sim, clock);
            WarmthService tick = lanOverS3(sim, clock);
            skill.warmUp(new WarmRequest(Optional.of(36.0), Optional.of(Duration.ofMinutes(30)), false));
            clock.advance(Duration.ofSeconds(20));
            assertThat(tick.tick()).isEqualTo(ControlStep.HEATING);

            assertThat(skill.stop()).isEqualTo(new WarmthOutcome.Stopped(true));
            clock.advance(Duration.ofSeconds(20));
            assertThat(tick.tick()).isEqualTo(ControlStep.OFF_CONFIRMED);
            clock.advance(Duration.ofSeconds(20));
            assertThat(tick.tick()).isEqualTo(ControlStep.NO_SESSION);
            assertThat(toy.relayOn()).isFalse();
        }
    }

    private static WarmthService lanOverS3(SonoffSimServer sim, MutableClock clock) {
        return new WarmthService(new LanDriver(sim.endpoint(), SonoffSimServer.DEVICE_ID, clock,
                new JsonHttp(JsonHttp.TIMEOUT, Duration.ZERO)), new SafetyPolicy(SafetyLimits.defaults()), store, clock,
                Duration.ofSeconds(20));
    }
}
