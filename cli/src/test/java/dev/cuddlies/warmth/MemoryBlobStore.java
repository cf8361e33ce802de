package dev.cuddlies.warmth;

import dev.cuddlies.storage.BlobStore;
import dev.cuddlies.storage.StorageException;
import dev.cuddlies.storage.StoredObject;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A bucket in memory with S3's conditional-write semantics: cheap, for the fault campaign's many sessions. */
final class MemoryBlobStore implements BlobStore {

    private record Entry(byte[] data, String version) {
    }

    private final Map<String, Entry> objects = new HashMap<>();
    private long versions;

    @Override
    public synchronized List<StoredObject> list(String prefix, Duration timeout) {
        List<StoredObject> out = new ArrayList<>();
        objects.forEach((k, e) -> {
            if (k.startsWith(prefix)) {
                out.add(new StoredObject(k, e.data().length, Instant.EPOCH));
            }
        });
        return out;
    }

    @Override
    public synchronized byte[] get(String key, long maxBytes, Duration timeout) throws StorageException {
        Entry e = objects.get(key);
        if (e == null) {
            throw new StorageException(StorageException.Kind.NOT_FOUND, key, null);
        }
        return e.data().clone();
    }

    @Override
    public synchronized void put(String key, byte[] data, String contentType, Duration timeout) {
        objects.put(key, new Entry(data.clone(), String.valueOf(++versions)));
    }

    @Override
    public synchronized Optional<Versioned> getVersioned(String key, long maxBytes, Duration timeout) {
        Entry e = objects.get(key);
        return e == null ? Optional.empty() : Optional.of(new Versioned(e.data().clone(), e.version()));
    }

    @Override
    public synchronized String putIfVersion(String key, byte[] data, String contentType, Optional<String> expectedVersion,
                                            Duration timeout) throws StorageException {
        Entry e = objects.get(key);
        if (!Optional.ofNullable(e).map(Entry::version).equals(expectedVersion)) {
            throw new StorageException(StorageException.Kind.CONFLICT, key + " changed", null);
        }
        String v = String.valueOf(++versions);
        objects.put(key, new Entry(data.clone(), v));
        return v;
    }

    @Override
    public synchronized void delete(String key, Duration timeout) {
        objects.remove(key);
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
