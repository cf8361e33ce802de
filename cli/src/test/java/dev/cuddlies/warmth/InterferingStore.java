package dev.cuddlies.warmth;

import dev.cuddlies.storage.BlobStore;
import dev.cuddlies.storage.StorageException;
import dev.cuddlies.storage.StoredObject;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A session store between the warmth core and a real store that can fail a chosen call, or run
 * another request (a stop from the other function) just before a chosen call: a race, replayed
 * deterministically. A seam between our own classes, not a stand-in for a protocol.
 */
class InterferingStore implements BlobStore {

    /** Which calls. */
    enum Call { GET, PUT }

    private final BlobStore real;
    private Call failOn;
    private int failTimes;
    private StorageException.Kind failKind;
    private Call raceOn;
    private int raceSkip;
    private Runnable race;
    private boolean racing;

    InterferingStore(BlobStore real) {
        this.real = real;
    }

    /** The next {@code times} calls of this kind fail. */
    synchronized InterferingStore fail(Call call, int times, StorageException.Kind kind) {
        failOn = call;
        failTimes = times;
        failKind = kind;
        return this;
    }

    /** Just before the ({@code skip}+1)-th call of this kind from now, {@code other} runs once. */
    synchronized InterferingStore raceBefore(Call call, int skip, Runnable other) {
        raceOn = call;
        raceSkip = skip;
        race = other;
        return this;
    }

    private void before(Call call) throws StorageException {
        Runnable now = null;
        synchronized (this) {
            if (racing) {
                return; // the other request's own calls pass straight through
            }
            if (failOn == call && failTimes > 0) {
                failTimes--;
                throw new StorageException(failKind, "injected " + call + " failure", null);
            }
            if (raceOn == call && race != null) {
                if (raceSkip-- == 0) {
                    now = race;
                    race = null;
                    racing = true;
                }
            }
        }
        if (now != null) {
            try {
                now.run();
            } finally {
                synchronized (this) {
                    racing = false;
                }
            }
        }
    }

    @Override
    public List<StoredObject> list(String prefix, Duration timeout) throws StorageException {
        return real.list(prefix, timeout);
    }

    @Override
    public byte[] get(String key, long maxBytes, Duration timeout) throws StorageException {
        before(Call.GET);
        return real.get(key, maxBytes, timeout);
    }

    @Override
    public void put(String key, byte[] data, String contentType, Duration timeout) throws StorageException {
        before(Call.PUT);
        real.put(key, data, contentType, timeout);
    }

    @Override
    public Optional<Versioned> getVersioned(String key, long maxBytes, Duration timeout) throws StorageException {
        before(Call.GET);
        return real.getVersioned(key, maxBytes, timeout);
    }

    @Override
    public String putIfVersion(String key, byte[] data, String contentType, Optional<String> expectedVersion,
                               Duration timeout) throws StorageException {
        before(Call.PUT);
        return real.putIfVersion(key, data, contentType, expectedVersion, timeout);
    }

    @Override
    public void delete(String key, Duration timeout) throws StorageException {
        real.delete(key, timeout);
    }

    @Override
    public Optional<URI> readLink(String key, Duration validity) {
        return real.readLink(key, validity);
    }

    @Override
    public Optional<URI> uploadLink(String key, String contentType, long exactBytes, Duration validity) {
        return real.uploadLink(key, contentType, exactBytes, validity);
    }
}
