package dev.cuddlies.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Secrets read from AWS Secrets Manager at run time and cached for {@link #TTL}: a rotated secret
 * reaches a running function within that time, and a function never holds a credential in its
 * environment. If Secrets Manager cannot be reached once the cache has expired, the last value is
 * used for up to {@link #STALE_LIMIT} more (a blip must not switch a heater off mid-session), then
 * reading fails. Thread-safe; the client is created only when a secret is first read.
 */
public final class SecretsManagerSecrets {

    public static final Duration TTL = Duration.ofMinutes(5);
    public static final Duration STALE_LIMIT = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(SecretsManagerSecrets.class);

    /** A secret that could not be read; the message names the secret, never a value. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Cached(String value, Instant fetched) {
    }

    private final Supplier<SecretsManagerClient> client;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private volatile SecretsManagerClient built;

    public SecretsManagerSecrets(Supplier<SecretsManagerClient> client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** The secret's current value: from the cache while it is younger than {@link #TTL}. */
    public String value(String secretId) {
        Instant now = clock.instant();
        Cached cached = cache.get(secretId);
        if (cached != null && cached.fetched().plus(TTL).isAfter(now)) {
            return cached.value();
        }
        try {
            String value = client().getSecretValue(r -> r.secretId(secretId)).secretString();
            if (value == null) {
                throw new Unavailable("secret " + secretId + " holds no text", null);
            }
            cache.put(secretId, new Cached(value, now));
            return value;
        } catch (SdkException e) {
            if (cached != null && cached.fetched().plus(STALE_LIMIT).isAfter(now)) {
                LOG.warn("secret {} could not be refreshed; using the value read at {}", secretId, cached.fetched());
                return cached.value();
            }
            throw new Unavailable("secret " + secretId + " could not be read from Secrets Manager", e);
        }
    }

    /** A secret's value as a supplier: each call answers from the cache or reads it again. */
    public Supplier<String> supplier(Secret secret) {
        if (secret instanceof Secret.Given g) {
            return g::reveal;
        }
        String id = ((Secret.Stored) secret).secretId();
        return () -> value(id);
    }

    private SecretsManagerClient client() {
        SecretsManagerClient c = built;
        if (c == null) {
            synchronized (this) {
                if (built == null) {
                    built = client.get();
                }
                c = built;
            }
        }
        return c;
    }
}
