package dev.cuddlies.storage;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where pictures and patterns live: an S3 bucket in the cloud, a folder locally. Every call takes a
 * timeout, so a caller with a deadline (Alexa's 8 seconds) can spend only what it has.
 */
public interface BlobStore {

    /** An object's bytes and its version. Not copied: the caller owns {@code data}. */
    record Versioned(byte[] data, String version) {
    }

    /** Objects whose key starts with {@code prefix}, in no particular order. */
    List<StoredObject> list(String prefix, Duration timeout) throws StorageException;

    /** The object's bytes; {@link StorageException.Kind#TOO_LARGE} past {@code maxBytes}, checked before reading. */
    byte[] get(String key, long maxBytes, Duration timeout) throws StorageException;

    void put(String key, byte[] data, String contentType, Duration timeout) throws StorageException;

    /**
     * Writes the object only if no object has that key (S3's conditional write, {@code If-None-Match: *}),
     * atomically: of two writers racing for one key exactly one gets {@code true}.
     *
     * @return false, writing nothing, when the key is already taken
     */
    default boolean putIfAbsent(String key, byte[] data, String contentType, Duration timeout) throws StorageException {
        try {
            putIfVersion(key, data, contentType, Optional.empty(), timeout);
            return true;
        } catch (StorageException e) {
            if (e.kind() == StorageException.Kind.CONFLICT) {
                return false;
            }
            throw e;
        }
    }

    /**
     * The object's bytes with the version a {@link #putIfVersion conditional write} must match (the
     * ETag in S3), or empty when there is no such object.
     */
    Optional<Versioned> getVersioned(String key, long maxBytes, Duration timeout) throws StorageException;

    /**
     * Writes only if the object is still at {@code expectedVersion}, or, when that is empty, only if there
     * is no object yet (S3 {@code If-Match} / {@code If-None-Match: *}; a file lock locally). Two writers
     * that read the same version cannot both succeed.
     *
     * @return the new version
     * @throws StorageException {@link StorageException.Kind#CONFLICT} when someone else wrote first
     */
    String putIfVersion(String key, byte[] data, String contentType, Optional<String> expectedVersion, Duration timeout)
            throws StorageException;

    /** Deletes the object; deleting what is not there is not an error. */
    void delete(String key, Duration timeout) throws StorageException;

    /** A link to read the object for a while (an HTTPS presigned URL in S3), when the store has one. */
    Optional<URI> readLink(String key, Duration validity);

    /**
     * A link to upload one object of exactly {@code exactBytes} for a while (a presigned PUT URL in
     * S3), that cannot replace an object already at the key; empty when the store has none.
     */
    Optional<URI> uploadLink(String key, String contentType, long exactBytes, Duration validity);
}
