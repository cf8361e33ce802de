package dev.cuddlies.storage;

import java.time.Duration;
import java.time.Instant;

/**
 * The bucket's lifecycle rule for a local folder: objects under a prefix older than an age are
 * deleted. In AWS the bucket's own rule does this (uploads expire after a day); locally the
 * servers run it when they start and every hour.
 *
 * @param prefix the keys it applies to, e.g. {@code uploads/}
 * @param maxAge objects last written longer ago than this are deleted
 */
public record Expiry(String prefix, Duration maxAge) {

    /** Pictures left behind by a failed making, and stale pairing records, live at most a day. */
    public static final Duration ONE_DAY = Duration.ofDays(1);

    /** @return how many objects were deleted */
    public int apply(BlobStore store, Instant now) throws StorageException {
        int deleted = 0;
        Instant cutoff = now.minus(maxAge);
        for (StoredObject o : store.list(prefix, Duration.ofSeconds(30))) {
            if (o.lastModified().isBefore(cutoff)) {
                store.delete(o.key(), Duration.ofSeconds(5));
                deleted++;
            }
        }
        return deleted;
    }
}
