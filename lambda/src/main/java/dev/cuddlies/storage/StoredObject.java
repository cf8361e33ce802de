package dev.cuddlies.storage;

import java.time.Instant;

/** A stored file: its key, size in bytes and when it was written. */
public record StoredObject(String key, long size, Instant lastModified) {
}
