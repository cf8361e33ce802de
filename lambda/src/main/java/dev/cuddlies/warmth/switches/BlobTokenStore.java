package dev.cuddlies.warmth.switches;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cuddlies.storage.BlobStore;
import dev.cuddlies.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * eWeLink tokens shared through the bucket (or the local folder): one object, AES-256-GCM encrypted
 * with a key derived from the app secret (which every function already holds), written only over
 * the version read. The configured pair seeds it; when the configured refresh token changes (the
 * account was linked again), the configured pair replaces what is stored.
 *
 * <p>If the store cannot be reached, the configured (or last known) pair is used for that call and a
 * refresh is kept in memory only; the log says so.
 */
public final class BlobTokenStore implements EwelinkTokenStore {

    static final String KEY = "warmth/ewelink-tokens.bin";
    private static final Logger LOG = LoggerFactory.getLogger(BlobTokenStore.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final BlobStore store;
    private final Tokens configured;
    private final String seed;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    private Tokens lastKnown;

    /** @param appSecret the eWeLink app secret: the encryption key is derived from it, never stored */
    public BlobTokenStore(BlobStore store, String appSecret, Tokens configured) {
        this.store = store;
        this.configured = configured;
        this.lastKnown = configured;
        this.key = new SecretKeySpec(hmac(appSecret, "cuddlies eWeLink token store v1"), "AES");
        this.seed = HexFormat.of().formatHex(hmac(appSecret, "seed " + configured.refresh()));
    }

    @Override
    public synchronized Stored current() {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Optional<BlobStore.Versioned> v = store.getVersioned(KEY, 4096, TIMEOUT);
                Optional<Tokens> stored = v.flatMap(this::decrypt);
                if (stored.isPresent()) {
                    lastKnown = stored.get();
                    return new Stored(stored.get(), Optional.of(v.get().version()));
                }
                // Nothing yet, or seeded from other configuration: the configured pair is current.
                String version = store.putIfVersion(KEY, encrypt(configured), "application/octet-stream",
                        v.map(BlobStore.Versioned::version), TIMEOUT);
                lastKnown = configured;
                return new Stored(configured, Optional.of(version));
            } catch (StorageException e) {
                if (e.kind() != StorageException.Kind.CONFLICT) {
                    LOG.warn("eWeLink token store unavailable ({}); using the last known tokens", e.kind());
                    return new Stored(lastKnown, Optional.empty());
                }
            }
        }
        return new Stored(lastKnown, Optional.empty());
    }

    @Override
    public synchronized Stored replace(Stored replaced, Tokens fresh) {
        lastKnown = fresh;
        if (replaced.version().isEmpty()) {
            LOG.warn("eWeLink tokens refreshed while the token store was unavailable: kept in memory only");
            return new Stored(fresh, Optional.empty());
        }
        try {
            String version = store.putIfVersion(KEY, encrypt(fresh), "application/octet-stream", replaced.version(), TIMEOUT);
            return new Stored(fresh, Optional.of(version));
        } catch (StorageException e) {
            if (e.kind() == StorageException.Kind.CONFLICT) {
                return current(); // another function saved first: theirs is the pair the cloud knows
            }
            LOG.warn("eWeLink tokens refreshed but not saved ({}): kept in memory only", e.kind());
            return new Stored(fresh, Optional.empty());
        }
    }

    private byte[] encrypt(Tokens t) {
        byte[] plain = JsonHttp.JSON.createObjectNode().put("at", t.access()).put("rt", t.refresh()).put("seed", seed)
                .toString().getBytes(StandardCharsets.UTF_8);
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = c.doFinal(plain);
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The stored pair, unless it cannot be read with this app secret or was seeded from other configuration. */
    private Optional<Tokens> decrypt(BlobStore.Versioned v) {
        byte[] data = v.data();
        if (data.length <= IV_BYTES) {
            return Optional.empty();
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
            JsonNode n = JsonHttp.JSON.readTree(c.doFinal(data, IV_BYTES, data.length - IV_BYTES));
            if (!seed.equals(n.path("seed").asText())) {
                return Optional.empty();
            }
            return Optional.of(new Tokens(n.path("at").asText(), n.path("rt").asText()));
        } catch (GeneralSecurityException | IOException e) {
            return Optional.empty();
        }
    }

    private static byte[] hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
