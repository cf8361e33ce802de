package dev.cuddlies.warmth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuddlies.storage.BlobStore;
import dev.cuddlies.storage.StorageException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The warmth session as one JSON object in the store, read with its version and written only over
 * the version read ({@link BlobStore#putIfVersion}).
 */
final class SessionStore {

    static final String KEY = "warmth/session.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final long MAX_BYTES = 4096;

    /** A session and the store's version of it (empty when there is none yet). */
    record Loaded(WarmthSession session, Optional<String> storeVersion) {
    }

    private final BlobStore store;
    private final Clock clock;

    SessionStore(BlobStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * The current session; an unreadable one (corrupt, unknown state) counts as "must be off", so it
     * can only ever lead to switching off.
     */
    Loaded load() throws StorageException {
        Optional<BlobStore.Versioned> v;
        try {
            v = store.getVersioned(KEY, MAX_BYTES, TIMEOUT);
        } catch (RuntimeException e) {
            throw new StorageException(StorageException.Kind.UNAVAILABLE, "session store failed", e);
        }
        if (v.isEmpty()) {
            return new Loaded(new WarmthSession.Idle(0), Optional.empty());
        }
        return new Loaded(parse(v.get().data()), Optional.of(v.get().version()));
    }

    /**
     * Writes {@code next} if the stored session is still the one {@code basis} was loaded from.
     *
     * @return the loaded form of what was written
     * @throws StorageException {@link StorageException.Kind#CONFLICT} when someone else wrote first
     */
    Loaded write(WarmthSession next, Loaded basis) throws StorageException {
        try {
            String version = store.putIfVersion(KEY, format(next).getBytes(StandardCharsets.UTF_8), "application/json",
                    basis.storeVersion(), TIMEOUT);
            return new Loaded(next, Optional.of(version));
        } catch (RuntimeException e) {
            throw new StorageException(StorageException.Kind.UNAVAILABLE, "session store failed", e);
        }
    }

    private WarmthSession parse(byte[] data) {
        try {
            JsonNode n = JSON.readTree(data);
            long version = n.path("version").asLong(0);
            return switch (n.path("state").asText()) {
                case "idle" -> new WarmthSession.Idle(version);
                case "active" -> new WarmthSession.Active(version,
                        WarmthSession.Mode.valueOf(n.path("mode").asText()), n.path("targetC").asDouble(),
                        Instant.parse(n.path("until").asText()),
                        n.path("heating").asBoolean(), reading(n.path("lastReading")), instant(n.path("backstopEndsAt")));
                case "mustBeOff" -> new WarmthSession.MustBeOff(version, Instant.parse(n.path("since").asText()),
                        WarmthSession.Why.valueOf(n.path("why").asText()), instant(n.path("backstopEndsAt")));
                default -> corrupt(version);
            };
        } catch (IOException | RuntimeException e) {
            return corrupt(0);
        }
    }

    private WarmthSession corrupt(long version) {
        return new WarmthSession.MustBeOff(version, clock.instant(), WarmthSession.Why.FAULT, Optional.empty());
    }

    private static Optional<Reading> reading(JsonNode n) {
        if (!n.isObject()) {
            return Optional.empty();
        }
        return Optional.of(new Reading(n.path("celsius").asDouble(), Instant.parse(n.path("at").asText())));
    }

    private static Optional<Instant> instant(JsonNode n) {
        return n.isTextual() ? Optional.of(Instant.parse(n.asText())) : Optional.empty();
    }

    static String format(WarmthSession s) {
        ObjectNode n = JSON.createObjectNode().put("version", s.version());
        if (s instanceof WarmthSession.Idle) {
            n.put("state", "idle");
        } else if (s instanceof WarmthSession.Active a) {
            n.put("state", "active").put("mode", a.mode().name()).put("targetC", a.targetC())
                    .put("until", a.until().toString())
                    .put("heating", a.heating());
            a.lastReading().ifPresent(r -> n.putObject("lastReading").put("celsius", r.celsius()).put("at", r.at().toString()));
            a.backstopEndsAt().ifPresent(t -> n.put("backstopEndsAt", t.toString()));
        } else if (s instanceof WarmthSession.MustBeOff m) {
            n.put("state", "mustBeOff").put("since", m.since().toString()).put("why", m.why().name());
            m.backstopEndsAt().ifPresent(t -> n.put("backstopEndsAt", t.toString()));
        }
        return n.toString();
    }
}
