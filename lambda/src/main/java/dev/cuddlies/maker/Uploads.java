package dev.cuddlies.maker;

import dev.cuddlies.outline.ImageFormat;
import dev.cuddlies.storage.BlobStore;
import dev.cuddlies.storage.StorageException;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Puts a user's picture where the maker looks for it: {@code uploads/<userKey>/<time>-<name>}. */
public final class Uploads {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final BlobStore store;
    private final UserKeys keys;
    private final Clock clock;
    private final long maxBytes;

    public Uploads(BlobStore store, UserKeys keys, Clock clock, long maxBytes) {
        this.store = store;
        this.keys = keys;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    /** @throws IllegalArgumentException in plain words when the bytes are no picture or too large */
    public String put(String alexaUserId, String fileName, byte[] picture) throws StorageException {
        if (picture.length > maxBytes) {
            throw new IllegalArgumentException("the picture is larger than " + maxBytes / (1024 * 1024) + " MB");
        }
        ImageFormat format = ImageFormat.sniff(picture).orElseThrow(() ->
                new IllegalArgumentException("this is not a picture: expected PNG, JPEG, GIF, BMP or WebP"));
        String key = keyFor(alexaUserId, fileName);
        store.put(key, picture, "image/" + format.imageIoName(), TIMEOUT);
        return key;
    }

    /** Where a new upload goes; also the key of a presigned upload link. */
    public String keyFor(String alexaUserId, String fileName) {
        String safe = fileName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
        return UserKeys.uploadsPrefix(keys.of(alexaUserId)) + STAMP.format(clock.instant()) + "-" + safe;
    }
}
