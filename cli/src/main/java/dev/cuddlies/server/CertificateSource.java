package dev.cuddlies.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where Alexa's signing certificate chain comes from: fetched from its {@code SignatureCertChainUrl}
 * (already normalised by {@link AlexaRequestVerifier#certUrl}) and cached. Tests give their own (a test
 * CA), so nothing in a test reaches the internet.
 */
public interface CertificateSource {

    /** A PEM chain is a few kilobytes; anything much larger is not one. */
    int MAX_CHAIN_BYTES = 64 * 1024;

    /** The PEM chain at a URL, leaf first. */
    List<X509Certificate> chain(URI url) throws IOException, CertificateException;

    /** Fetches over HTTPS with short timeouts, caching at most 16 chains and fetching at most 10 a minute. */
    static CertificateSource fetchedAndCached() {
        return new CachedCertificates(https(), 16, 10, Clock.systemUTC());
    }

    /** Fetches over HTTPS every time, refusing an answer that is not 200 or is larger than a chain can be. */
    static CertificateSource https() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER).build();
        return url -> {
            try {
                HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = r.body()) {
                    if (r.statusCode() != 200) {
                        throw new IOException("certificate URL answered " + r.statusCode());
                    }
                    byte[] pem = in.readNBytes(MAX_CHAIN_BYTES + 1);
                    if (pem.length > MAX_CHAIN_BYTES) {
                        throw new IOException("certificate chain larger than " + MAX_CHAIN_BYTES + " bytes");
                    }
                    return parse(new java.io.ByteArrayInputStream(pem));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        };
    }

    static List<X509Certificate> parse(InputStream pem) throws CertificateException {
        List<X509Certificate> chain = new ArrayList<>();
        for (var c : CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
            chain.add((X509Certificate) c);
        }
        return chain;
    }
}
