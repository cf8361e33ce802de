package dev.cuddlies.web;

import dev.cuddlies.maker.UserKeys;
import dev.cuddlies.pattern.PatternFiles;
import dev.cuddlies.storage.BlobStore;
import dev.cuddlies.storage.StorageException;
import dev.cuddlies.storage.StoredObject;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** A user's patterns as the page shows them, with links signed at each look, and deleting them. */
public final class PatternLibrary {

    private static final Duration CALL = Duration.ofSeconds(3);

    private final BlobStore store;

    public PatternLibrary(BlobStore store) {
        this.store = store;
    }

    /**
     * One stored pattern.
     *
     * @param id      its folder name, e.g. 20261130-101500-a1b2
     * @param made    when its files were written
     * @param preview the preview picture, pdf and svg: fresh links, valid for the given time
     * @param stuffed the stuffed toy beside the outline ({@code stuffed.png}), when the pattern has one
     */
    public record Entry(String id, Instant made, Optional<URI> preview, Optional<URI> pdf, Optional<URI> svg,
                        Optional<URI> stuffed) {
    }

    /** Newest first; only complete patterns (the PDF is there). */
    public List<Entry> list(String userKey, Duration linkValidity) throws StorageException {
        String prefix = UserKeys.patternsPrefix(userKey);
        Map<String, Instant> made = new TreeMap<>();
        Set<String> stuffed = new HashSet<>();
        for (StoredObject o : store.list(prefix, CALL)) {
            String rest = o.key().substring(prefix.length());
            int slash = rest.indexOf('/');
            if (slash > 0 && rest.substring(slash + 1).equals(PatternFiles.PDF)) {
                made.put(rest.substring(0, slash), o.lastModified());
            } else if (slash > 0 && rest.substring(slash + 1).equals(PatternFiles.STUFFED)) {
                stuffed.add(rest.substring(0, slash));
            }
        }
        List<Entry> out = new ArrayList<>();
        made.forEach((id, at) -> {
            String folder = UserKeys.patternPrefix(userKey, id);
            out.add(new Entry(id, at, store.readLink(folder + PatternFiles.PREVIEW, linkValidity),
                    store.readLink(folder + PatternFiles.PDF, linkValidity),
                    store.readLink(folder + PatternFiles.SVG, linkValidity),
                    stuffed.contains(id) ? store.readLink(folder + PatternFiles.STUFFED, linkValidity) : Optional.empty()));
        });
        out.sort(Comparator.comparing(Entry::made).reversed());
        return out;
    }

    /** Deletes one pattern's files (outline included); false when the id names no pattern of this user. */
    public boolean delete(String userKey, String patternId) throws StorageException {
        if (!patternId.matches("[0-9A-Za-z][0-9A-Za-z-]{0,63}")) {
            return false;
        }
        return deleteAll(UserKeys.patternPrefix(userKey, patternId)) > 0;
    }

    /** Every upload and every pattern (with its outline) of the user; the pairing is the caller's. */
    public void deleteEverything(String userKey) throws StorageException {
        deleteAll(UserKeys.uploadsPrefix(userKey));
        deleteAll(UserKeys.patternsPrefix(userKey));
    }

    private int deleteAll(String prefix) throws StorageException {
        List<StoredObject> objects = store.list(prefix, CALL);
        for (StoredObject o : objects) {
            store.delete(o.key(), CALL);
        }
        return objects.size();
    }
}
