package dev.cuddlies.web;

import dev.cuddlies.maker.UserKeys;
import dev.cuddlies.storage.LocalBlobStore;
import dev.cuddlies.storage.StoredObject;
import dev.cuddlies.warmth.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PairingCodesTest {

    private static final String PHONE = "192.0.2.10";
    private static final String OTHER_PHONE = "192.0.2.99";

    @TempDir
    Path data;

    private MutableClock clock;
    private LocalBlobStore store;
    private PairingCodes codes;
    private UserKeys keys;
    private String userKey;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
        store = new LocalBlobStore(data);
        keys = new UserKeys("a secret of at least sixteen bytes".getBytes(StandardCharsets.UTF_8));
        codes = new PairingCodes(store, keys, clock);
        userKey = keys.of("amzn1.ask.account.PAIRINGTEST");
    }

    @Test
    void aCodeWorksOnceForTheUserItWasIssuedTo() throws Exception {
        String code = codes.issue(userKey).code();

        assertThat(code).matches("\\d{6}");
        assertThat(codes.redeem(code, PHONE)).isEqualTo(new PairingOutcome.Paired(userKey, clock.instant()));
        assertThat(codes.linkedAt(userKey)).contains(clock.instant());
        assertThat(codes.redeem(code, OTHER_PHONE)).isInstanceOf(PairingOutcome.WrongCode.class);
    }

    @Test
    void aCodeExpiresAfterTenMinutes() throws Exception {
        String code = codes.issue(userKey).code();
        clock.advance(PairingCodes.CODE_LIFETIME);

        assertThat(codes.redeem(code, PHONE)).isEqualTo(new PairingOutcome.Expired());
        assertThat(codes.linkedAt(userKey)).isEmpty();
    }

    @Test
    void afterFiveWrongTriesTheSixthIsRefusedEvenWithTheRightCodeUntilTheCodesLifetimeHasPassed() throws Exception {
        String code = codes.issue(userKey).code();
        for (int i = 1; i <= 5; i++) {
            assertThat(codes.redeem(other(code, i), PHONE)).isEqualTo(new PairingOutcome.WrongCode(5 - i));
        }

        assertThat(codes.redeem(code, PHONE)).isEqualTo(new PairingOutcome.TooManyTries(PairingCodes.CODE_LIFETIME));
        assertThat(codes.linkedAt(userKey)).isEmpty();
        clock.advance(PairingCodes.CODE_LIFETIME);
        assertThat(codes.redeem(code, PHONE)).isEqualTo(new PairingOutcome.Expired());
    }

    @Test
    void triesAreLimitedPerHourPerClient() throws Exception {
        for (int i = 0; i < PairingCodes.MAX_TRIES_PER_HOUR; i++) {
            codes.redeem(codes.issue(userKey).code(), PHONE);
            clock.advance(Duration.ofSeconds(30));
        }
        String code = codes.issue(userKey).code();

        assertThat(codes.redeem(code, PHONE)).isInstanceOf(PairingOutcome.TooManyTries.class);
        assertThat(codes.redeem(code, OTHER_PHONE)).isInstanceOf(PairingOutcome.Paired.class);
    }

    @Test
    void notSixDigitsIsNotATry() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(codes.redeem("12a45", PHONE)).isEqualTo(new PairingOutcome.NotACode());
        }
        assertThat(codes.redeem(codes.issue(userKey).code(), PHONE)).isInstanceOf(PairingOutcome.Paired.class);
    }

    @Test
    void aNewCodeRetiresTheUsersPreviousOne() throws Exception {
        String first = codes.issue(userKey).code();
        String second = codes.issue(userKey).code();

        assertThat(codes.redeem(first, PHONE)).isInstanceOf(PairingOutcome.WrongCode.class);
        assertThat(codes.redeem(second, PHONE)).isInstanceOf(PairingOutcome.Paired.class);
    }

    @Test
    void liveCodesNeverCollideAndAreStoredOnlyAsKeyedHashes() throws Exception {
        Set<String> live = new HashSet<>();
        for (int i = 0; i < 300; i++) {
            live.add(codes.issue("user" + i + "0000000000000000000000000000").code());
        }

        assertThat(live).hasSize(300);
        Set<String> expected = new HashSet<>();
        live.forEach(c -> expected.add(PairingCodes.CODES + Hmac.hex(keys.derive("pairing-code"), c) + ".json"));
        Set<String> stored = new HashSet<>();
        for (StoredObject o : store.list(PairingCodes.CODES, Duration.ofSeconds(1))) {
            stored.add(o.key());
            assertThat(new String(store.get(o.key(), 1024, Duration.ofSeconds(1)), StandardCharsets.UTF_8))
                    .matches("\\{\"userKey\":\"user\\d+0+\",\"expiresAt\":\\d+}");
        }
        assertThat(stored).isEqualTo(expected);
    }

    @Test
    void forgettingEndsTheLinkAndTheLiveCode() throws Exception {
        codes.redeem(codes.issue(userKey).code(), PHONE);
        String live = codes.issue(userKey).code();

        codes.forget(userKey);

        assertThat(codes.linkedAt(userKey)).isEmpty();
        assertThat(codes.redeem(live, OTHER_PHONE)).isInstanceOf(PairingOutcome.WrongCode.class);
    }

    private static String other(String code, int k) {
        return String.format("%06d", (Integer.parseInt(code) + k) % 1_000_000);
    }
}
