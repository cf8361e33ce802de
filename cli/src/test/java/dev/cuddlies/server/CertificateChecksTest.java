package dev.cuddlies.server;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.security.Signature;
import java.security.cert.TrustAnchor;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 12, finding 4: the skill server fetched the signing certificate before checking anything
 * else, into an unbounded cache keyed by the raw URL, and fetched a path other than the one checked.
 */
class CertificateChecksTest {

    private static final String SKILL_ID = "amzn1.ask.skill.cuddlies-local";
    private static final String GOOD_URL = "https://s3.amazonaws.com/echo.api/echo-api-cert-12.pem";

    @TempDir
    static Path certDir;

    private static TestCertificates certs;

    /** What the verifier asked the network for, in order. */
    private final List<URI> fetched = new ArrayList<>();
    private final CertificateSource countingFetch = url -> {
        synchronized (fetched) {
            fetched.add(url);
        }
        return certs.good;
    };

    @BeforeAll
    static void makeCertificates() throws Exception {
        certs = new TestCertificates(certDir);
    }

    private AlexaRequestVerifier verifier(CertificateSource source) {
        return new AlexaRequestVerifier(source, Set.of(new TrustAnchor(certs.root, null)), SKILL_ID, Clock.systemUTC());
    }

    @Test
    void threeThousandRequestsFailingCheapChecksFetchNothing() throws Exception {
        AlexaRequestVerifier v = verifier(new CachedCertificates(countingFetch, 16, 10, Clock.systemUTC()));
        byte[] good = TestCertificates.launchEnvelope(Instant.now(), SKILL_ID);
        byte[] stale = TestCertificates.launchEnvelope(Instant.now().minusSeconds(600), SKILL_ID);
        byte[] otherSkill = TestCertificates.launchEnvelope(Instant.now(), "amzn1.ask.skill.someone-else");
        String garbage = Base64.getEncoder().encodeToString(new byte[256]);

        for (int i = 0; i < 3000; i++) {
            String query = GOOD_URL + "?n=" + i;
            switch (i % 5) {
                case 0 -> assertRefused(v, query, certs.sign(good), good, "no percent-escapes, user, query or fragment");
                case 1 -> assertRefused(v, GOOD_URL, null, good, "no Signature-256");
                case 2 -> assertRefused(v, GOOD_URL, "not base64 at all!", good, "bad signature");
                case 3 -> assertRefused(v, GOOD_URL, garbage, stale, "150 seconds");
                default -> assertRefused(v, GOOD_URL, garbage, otherSkill, "wrong skill id");
            }
        }
        assertThat(fetched).isEmpty();
    }

    @Test
    void aPathCheckedDecodedButFetchedRawIsRefused() throws Exception {
        AlexaRequestVerifier v = verifier(countingFetch);
        byte[] body = TestCertificates.launchEnvelope(Instant.now(), SKILL_ID);

        assertRefused(v, "https://s3.amazonaws.com/echo.api%2f..%2fevil/c.pem", certs.sign(body), body, "percent-escapes");
        assertRefused(v, "https://s3.amazonaws.com/echo.api/%2e%2e/evil/c.pem", certs.sign(body), body, "percent-escapes");
        assertRefused(v, "https://someone@s3.amazonaws.com/echo.api/c.pem", certs.sign(body), body, "user");
        assertRefused(v, "https://s3.amazonaws.com/echo.api/c.pem#x", certs.sign(body), body, "fragment");
        assertThat(fetched).isEmpty();
    }

    @Test
    void everySpellingOfOneUrlIsFetchedOnceUnderItsNormalForm() throws Exception {
        AlexaRequestVerifier v = verifier(new CachedCertificates(countingFetch, 16, 10, Clock.systemUTC()));
        byte[] body = TestCertificates.launchEnvelope(Instant.now(), SKILL_ID);

        for (String spelling : List.of(GOOD_URL, "https://s3.amazonaws.com:443/echo.api/echo-api-cert-12.pem",
                "HTTPS://S3.AMAZONAWS.COM/echo.api/echo-api-cert-12.pem",
                "https://s3.amazonaws.com/echo.api/../echo.api/echo-api-cert-12.pem",
                "https://s3.amazonaws.com/echo.api/./echo-api-cert-12.pem")) {
            assertThatCode(() -> v.verify(spelling, certs.sign(body), body)).as(spelling).doesNotThrowAnyException();
        }
        assertThat(fetched).containsExactly(URI.create(GOOD_URL));
    }

    @Test
    void theCacheIsBoundedAndFetchesAreRateLimited() throws Exception {
        CachedCertificates cache = new CachedCertificates(countingFetch, 16, 100, Clock.systemUTC());
        AlexaRequestVerifier v = verifier(cache);
        byte[] body = TestCertificates.launchEnvelope(Instant.now(), SKILL_ID);

        for (int i = 0; i < 100; i++) {
            v.verify("https://s3.amazonaws.com/echo.api/cert-" + i + ".pem", certs.sign(body), body);
        }
        assertThat(cache.size()).isEqualTo(16);
        assertThat(fetched).hasSize(100);
        // The 101st new URL within the minute is refused without a fetch.
        assertRefused(v, "https://s3.amazonaws.com/echo.api/cert-100.pem", certs.sign(body), body, "could not be fetched");
        assertThat(fetched).hasSize(100);
    }

    private static void assertRefused(AlexaRequestVerifier v, String url, String signature, byte[] body, String reason) {
        assertThatThrownBy(() -> v.verify(url, signature, body)).isInstanceOf(AlexaRequestVerifier.Refused.class)
                .hasMessageContaining(reason);
    }
}
