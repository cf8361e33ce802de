package dev.cuddlies.warmth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.cuddlies.storage.BlobStore;
import dev.cuddlies.storage.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The last few temperatures the skill heard from the heater, kept in storage between requests (Lambda
 * keeps nothing) so that "how long until it's warm" can estimate a rate. Only for that estimate:
 * nothing here switches anything, and losing the log only means "I can't tell yet".
 */
public final class ReadingLog {

    private static final Logger LOG = LoggerFactory.getLogger(ReadingLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "warmth/readings.json";
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(1);
    /** Readings kept, newest last. */
    public static final int CAPACITY = 12;
    private static final int MAX_BYTES = 8192;

    private final BlobStore store;

    public ReadingLog(BlobStore store) {
        this.store = store;
    }

    /** The kept readings, oldest first; empty when none were kept or they cannot be read. */
    public List<Reading> readings() {
        List<Reading> out = new ArrayList<>();
        try {
            for (JsonNode n : JSON.readTree(store.get(KEY, MAX_BYTES, STORE_TIMEOUT))) {
                out.add(new Reading(n.path("c").asDouble(), Instant.parse(n.path("at").asText())));
            }
        } catch (StorageException | IOException | RuntimeException e) {
            return List.of();
        }
        return out;
    }

    /** Adds {@code reading} (unless already kept) and returns the readings now kept, oldest first. */
    public List<Reading> add(Reading reading) {
        List<Reading> all = new ArrayList<>(readings());
        if (!all.contains(reading)) {
            all.add(reading);
        }
        all.sort(Comparator.comparing(Reading::at));
        List<Reading> kept = all.subList(Math.max(0, all.size() - CAPACITY), all.size());
        ArrayNode array = JSON.createArrayNode();
        kept.forEach(r -> array.addObject().put("c", r.celsius()).put("at", r.at().toString()));
        try {
            store.put(KEY, array.toString().getBytes(StandardCharsets.UTF_8), "application/json", STORE_TIMEOUT);
        } catch (StorageException e) {
            LOG.warn("reading log not saved: {}", e.kind());
        }
        return List.copyOf(kept);
    }
}
