package dev.cuddlies.warmth;

import dev.cuddlies.storage.BlobStore;
import dev.cuddlies.storage.StorageException;
import dev.cuddlies.storage.StoredObject;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One function's view of the shared session bucket in the fault campaign: each call fails at a
 * seeded rate (unavailable or timed out, before or after the write took effect), and a pending
 * {@link Races race} may run another function's request just before a call (the in-process device
 * transports offer the same cut-in points before each device call).
 */
final class CampaignStore implements BlobStore {

    /** Requests of the other function waiting to cut in, shared by both functions' stores. */
    static final class Races {
        private Runnable pending;
        private int callsToSkip;
        private boolean running;
        private long ran;

        /** {@code other} runs just before the ({@code skip}+1)-th store or device call from now (by either function). */
        void arm(int skip, Runnable other) {
            pending = other;
            callsToSkip = skip;
        }

        long ran() {
            return ran;
        }

        void beforeCall() {
            if (running || pending == null || callsToSkip-- > 0) {
                return;
            }
            Runnable r = pending;
            pending = null;
            running = true;
            ran++;
            try {
                r.run();
            } finally {
                running = false;
            }
        }
    }

    private final BlobStore bucket;
    private final SplittableRandom random;
    private final double failRate;
    private final Races races;
    private long failures;

    CampaignStore(BlobStore bucket, long seed, double failRate, Races races) {
        this.bucket = bucket;
        this.random = new SplittableRandom(seed);
        this.failRate = failRate;
        this.races = races;
    }

    long failures() {
        return failures;
    }

    /** Maybe fails this call: before it reaches the bucket, or (for writes) after it took effect. */
    private boolean fail() throws StorageException {
        races.beforeCall();
        if (random.nextDouble() >= failRate) {
            return false;
        }
        failures++;
        if (random.nextBoolean()) {
            throw new StorageException(random.nextBoolean() ? StorageException.Kind.UNAVAILABLE : StorageException.Kind.TIMEOUT,
                    "injected store failure", null);
        }
        return true; // the call goes through, but its answer will be lost
    }

    private static StorageException lostAnswer() {
        return new StorageException(StorageException.Kind.TIMEOUT, "injected: the answer was lost", null);
    }

    @Override
    public Optional<Versioned> getVersioned(String key, long maxBytes, Duration timeout) throws StorageException {
        boolean lose = fail();
        Optional<Versioned> v = bucket.getVersioned(key, maxBytes, timeout);
        if (lose) {
            throw lostAnswer();
        }
        return v;
    }

    @Override
    public String putIfVersion(String key, byte[] data, String contentType, Optional<String> expectedVersion,
                               Duration timeout) throws StorageException {
        boolean lose = fail();
        String v = bucket.putIfVersion(key, data, contentType, expectedVersion, timeout);
        if (lose) {
            throw lostAnswer();
        }
        return v;
    }

    @Override
    public List<StoredObject> list(String prefix, Duration timeout) throws StorageException {
        return bucket.list(prefix, timeout);
    }

    @Override
    public byte[] get(String key, long maxBytes, Duration timeout) throws StorageException {
        return bucket.get(key, maxBytes, timeout);
    }

    @Override
    public void put(String key, byte[] data, String contentType, Duration timeout) throws StorageException {
        bucket.put(key, data, contentType, timeout);
    }

    @Override
    public void delete(String key, Duration timeout) throws StorageException {
        bucket.delete(key, timeout);
    }

    @Override
    public Optional<URI> readLink(String key, Duration validity) {
        return Optional.empty();
    }

    @Override
    public Optional<URI> uploadLink(String key, String contentType, long exactBytes, Duration validity) {
        return Optional.empty();
    }
}
