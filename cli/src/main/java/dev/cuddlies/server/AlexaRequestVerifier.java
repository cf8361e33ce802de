package dev.cuddlies.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks that a request really comes from Alexa, as Alexa requires of skills hosted as web services:
 * the certificate URL's form, the certificate (valid now, SAN {@code echo-api.amazon.com}, chaining to
 * a trusted root), the {@code Signature-256} over the raw body, the timestamp (150 s) and the skill id.
 * The ASK SDK's servlet verifiers fetch certificates themselves and trust only the JVM's store, so a
 * test CA could not be used with them; this class takes both as collaborators.
 */
public final class AlexaRequestVerifier {

    public static final String SAN = "echo-api.amazon.com";
    public static final Duration TIMESTAMP_TOLERANCE = Duration.ofSeconds(150);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A refused request: a short reason for the log and the 400 answer. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason);
        }
    }

    private final CertificateSource certificates;
    private final Set<TrustAnchor> trustAnchors;
    private final String skillId;
    private final Clock clock;

    public AlexaRequestVerifier(CertificateSource certificates, Set<TrustAnchor> trustAnchors, String skillId, Clock clock) {
        this.certificates = certificates;
        this.trustAnchors = trustAnchors;
        this.skillId = skillId;
        this.clock = clock;
    }

    /** The JVM's default trust store as anchors (Alexa's certificates chain to a public root). */
    public static Set<TrustAnchor> systemTrustAnchors() throws GeneralSecurityException, IOException {
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        for (var tm : tmf.getTrustManagers()) {
            if (tm instanceof javax.net.ssl.X509TrustManager x) {
                return java.util.Arrays.stream(x.getAcceptedIssuers()).map(c -> new TrustAnchor(c, null))
                        .collect(Collectors.toSet());
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /**
     * Verifies a request, cheapest checks first: the certificate URL's form, the signature's form, the
     * body, its timestamp and skill id; only a request that passes all of them can make the server
     * fetch a certificate, and then only from the normalised URL it was checked under.
     */
    public void verify(String certChainUrl, String signature256, byte[] body) throws Refused {
        URI url = certUrl(certChainUrl);
        byte[] signature = signatureBytes(signature256);
        JsonNode envelope;
        try {
            envelope = JSON.readTree(body);
        } catch (IOException e) {
            throw new Refused("the body is not JSON");
        }
        if (envelope == null || !envelope.isObject()) {
            throw new Refused("the body is not a JSON object");
        }
        checkTimestamp(envelope.path("request").path("timestamp").asText(""));
        String app = envelope.path("context").path("System").path("application").path("applicationId")
                .asText(envelope.path("session").path("application").path("applicationId").asText(""));
        if (!skillId.equals(app)) {
            throw new Refused("wrong skill id");
        }
        List<X509Certificate> chain;
        try {
            chain = certificates.chain(url);
        } catch (IOException | GeneralSecurityException e) {
            throw new Refused("certificate chain could not be fetched or read");
        }
        if (chain.isEmpty()) {
            throw new Refused("empty certificate chain");
        }
        X509Certificate leaf = chain.get(0);
        checkCertificate(leaf, chain);
        checkSignature(leaf, signature, body);
    }

    /** An RSA signature is as long as its key: 128 to 512 bytes for 1024- to 4096-bit keys. */
    private static byte[] signatureBytes(String signature256) throws Refused {
        if (signature256 == null || signature256.isBlank()) {
            throw new Refused("no Signature-256 header");
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signature256.trim());
        } catch (IllegalArgumentException e) {
            throw new Refused("bad signature");
        }
        if (signature.length < 128 || signature.length > 512) {
            throw new Refused("bad signature");
        }
        return signature;
    }

    /**
     * The certificate URL, normalised: https, host s3.amazonaws.com (any case), port 443 if given,
     * path under /echo.api/ once dot segments are resolved, and nothing else (no percent-escapes, so
     * the path checked is the path fetched; no user, query or fragment). The answer is what will be
     * fetched and the certificate cache's key: {@code https://s3.amazonaws.com/echo.api/…}.
     */
    static URI certUrl(String raw) throws Refused {
        if (raw == null || raw.isBlank()) {
            throw new Refused("no SignatureCertChainUrl header");
        }
        URI url;
        try {
            url = new URI(raw.trim()).normalize();
        } catch (URISyntaxException e) {
            throw new Refused("SignatureCertChainUrl is not a URL");
        }
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            throw new Refused("SignatureCertChainUrl must use https");
        }
        if (url.getHost() == null || !url.getHost().toLowerCase(Locale.ROOT).equals("s3.amazonaws.com")) {
            throw new Refused("SignatureCertChainUrl host must be s3.amazonaws.com");
        }
        if (url.getPort() != -1 && url.getPort() != 443) {
            throw new Refused("SignatureCertChainUrl port must be 443");
        }
        if (url.getRawUserInfo() != null || url.getRawQuery() != null || url.getRawFragment() != null
                || url.getRawPath() == null || url.getRawPath().contains("%")) {
            throw new Refused("SignatureCertChainUrl must be a plain path: no percent-escapes, user, query or fragment");
        }
        if (!url.getRawPath().startsWith("/echo.api/")) {
            throw new Refused("SignatureCertChainUrl path must start with /echo.api/");
        }
        try {
            return new URI("https", null, "s3.amazonaws.com", -1, url.getRawPath(), null, null);
        } catch (URISyntaxException e) {
            throw new Refused("SignatureCertChainUrl is not a URL");
        }
    }

    private void checkCertificate(X509Certificate leaf, List<X509Certificate> chain) throws Refused {
        try {
            leaf.checkValidity(Date.from(clock.instant()));
        } catch (GeneralSecurityException e) {
            throw new Refused("the signing certificate is expired or not yet valid");
        }
        try {
            Collection<List<?>> sans = leaf.getSubjectAlternativeNames();
            boolean named = sans != null && sans.stream().anyMatch(s -> Integer.valueOf(2).equals(s.get(0))
                    && SAN.equalsIgnoreCase(String.valueOf(s.get(1))));
            if (!named) {
                throw new Refused("the signing certificate is not for " + SAN);
            }
        } catch (java.security.cert.CertificateParsingException e) {
            throw new Refused("the signing certificate cannot be read");
        }
        try {
            var path = CertificateFactory.getInstance("X.509").generateCertPath(chain);
            PKIXParameters params = new PKIXParameters(trustAnchors);
            params.setRevocationEnabled(false);
            params.setDate(Date.from(clock.instant()));
            CertPathValidator.getInstance("PKIX").validate(path, params);
        } catch (GeneralSecurityException e) {
            throw new Refused("the signing certificate does not chain to a trusted root");
        }
    }

    private static void checkSignature(X509Certificate leaf, byte[] signature, byte[] body) throws Refused {
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(leaf.getPublicKey());
            s.update(body);
            if (!s.verify(signature)) {
                throw new Refused("bad signature");
            }
        } catch (GeneralSecurityException e) {
            throw new Refused("bad signature");
        }
    }

    private void checkTimestamp(String timestamp) throws Refused {
        Instant at;
        try {
            at = Instant.parse(timestamp);
        } catch (RuntimeException e) {
            throw new Refused("no valid request timestamp");
        }
        if (Duration.between(at, clock.instant()).abs().compareTo(TIMESTAMP_TOLERANCE) > 0) {
            throw new Refused("request timestamp is more than 150 seconds away");
        }
    }
}
