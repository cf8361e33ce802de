package dev.cuddlies.server;

import java.io.IOException;
import java.net.URI;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bounded cache in front of a certificate fetch. Keys are normalised URLs, so query strings, port
 * spellings or letter case cannot make entries; at most {@code maxEntries} chains are kept (least
 * recently used dropped first) and at most {@code maxFetchesPerMinute} fetches go out, so a flood of
 * requests naming new URLs under /echo.api/ costs neither memory nor outbound traffic without bound.
 * Thread-safe.
 */
final class CachedCertificates implements CertificateSource {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final CertificateSource fetch;
    private final int maxFetchesPerMinute;
    private final Clock clock;
    private final Map<URI, List<X509Certificate>> cache;
    private final Deque<Instant> recentFetches = new ArrayDeque<>();

    CachedCertificates(CertificateSource fetch, int maxEntries, int maxFetchesPerMinute, Clock clock) {
        this.fetch = fetch;
        this.maxFetchesPerMinute = maxFetchesPerMinute;
        this.clock = clock;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<URI, List<X509Certificate>> eldest) {
                return size() > maxEntries;
            }
        };
    }

    @Override
    public List<X509Certificate> chain(URI url) throws IOException, CertificateException {
        synchronized (cache) {
            List<X509Certificate> cached = cache.get(url);
            if (cached != null) {
                return cached;
            }
            Instant now = clock.instant();
            while (!recentFetches.isEmpty() && recentFetches.peekFirst().isBefore(now.minus(WINDOW))) {
                recentFetches.removeFirst();
            }
            if (recentFetches.size() >= maxFetchesPerMinute) {
                throw new IOException("too many certificate fetches in the last minute");
            }
            recentFetches.addLast(now);
        }
        List<X509Certificate> chain = List.copyOf(fetch.chain(url));
        synchronized (cache) {
            cache.put(url, chain);
        }
        return chain;
    }

    int size() {
        synchronized (cache) {
            return cache.size();
        }
    }
}
