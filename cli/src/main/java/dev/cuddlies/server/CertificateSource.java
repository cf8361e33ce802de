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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where Alexa's signing certificate chain comes from: fetched from its {@code SignatureCertChainUrl}
 * once and cached. Tests give their own (a test CA), so nothing in a test reaches the internet.
 */
public interface CertificateSource {

    /** The PEM chain at a URL, leaf first. */
    List<X509Certificate> chain(URI url) throws IOException, CertificateException;

    /** Fetches over HTTPS with a short timeout and keeps each chain for the life of the process. */
    static CertificateSource fetchedAndCached() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Map<URI, List<X509Certificate>> cache = new ConcurrentHashMap<>();
        return url -> {
            List<X509Certificate> cached = cache.get(url);
            if (cached != null) {
                return cached;
            }
            try {
                HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = r.body()) {
                    List<X509Certificate> chain = parse(in);
                    cache.put(url, chain);
                    return chain;
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
