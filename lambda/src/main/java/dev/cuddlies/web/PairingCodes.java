package dev.cuddlies.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuddlies.maker.UserKeys;
import dev.cuddlies.storage.BlobStore;
import dev.cuddlies.storage.StorageException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Pairs a phone with the Alexa account that asked. The skill issues a six-digit code; the page
 * redeems it once. Codes live ten minutes and are stored only as a keyed hash
 * ({@code pairings/codes/<hash>}), written with a conditional write so two live codes never collide;
 * a redeemed code is claimed with a second conditional write, so it works exactly once.
 *
 * <p>Guessing is bounded per client (one network address, itself stored as a keyed hash): at most
 * {@value #MAX_WRONG_TRIES} wrong tries within a code's lifetime, so nobody gets more than five
 * guesses at any live code, and at most {@value #MAX_TRIES_PER_HOUR} tries an hour.
 *
 * <p>A successful pairing writes {@code pairings/links/<userKey>.json}; sessions are valid only while
 * it exists and carries the same time, so forgetting a user ends every session at once.
 */
public final class PairingCodes {

    public static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    public static final int MAX_WRONG_TRIES = 5;
    public static final int MAX_TRIES_PER_HOUR = 20;
    public static final int CODE_DIGITS = 6;
    /** Every prefix below is pairing state; the lifecycle rule removes codes and try counts after a day. */
    public static final String PREFIX = "pairings/";
    public static final String CODES = PREFIX + "codes/";
    public static final String REDEEMED = PREFIX + "redeemed/";
    public static final String CLIENTS = PREFIX + "clients/";
    public static final String USERS = PREFIX + "users/";
    public static final String LINKS = PREFIX + "links/";

    private static final Duration CALL = Duration.ofSeconds(2);
    private static final Duration HOUR = Duration.ofHours(1);
    private static final int ISSUE_ATTEMPTS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BlobStore store;
    private final byte[] codeKey;
    private final byte[] clientKey;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public PairingCodes(BlobStore store, UserKeys keys, Clock clock) {
        this.store = store;
        this.codeKey = keys.derive("pairing-code");
        this.clientKey = keys.derive("pairing-client");
        this.clock = clock;
    }

    /** A fresh code. */
    public record Issued(String code, Instant expiresAt) {
    }

    /** A new code for the user; the user's previous code, if still live, stops working. */
    public Issued issue(String userKey) throws StorageException {
        Instant now = clock.instant();
        Instant expires = now.plus(CODE_LIFETIME);
        for (int attempt = 0; attempt < ISSUE_ATTEMPTS; attempt++) {
            String code = String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
            String key = CODES + hash(code) + ".json";
            ObjectNode record = JSON.createObjectNode().put("userKey", userKey).put("expiresAt", expires.toEpochMilli());
            if (store.putIfAbsent(key, bytes(record), "application/json", CALL)) {
                retirePreviousCode(userKey, key);
                return new Issued(code, expires);
            }
            // Taken: by a live code (try another), or by a dead one (clear it for later).
            readJson(key).filter(r -> !Instant.ofEpochMilli(r.path("expiresAt").asLong()).isAfter(now))
                    .ifPresent(dead -> deleteQuietly(key));
        }
        throw new StorageException(StorageException.Kind.UNAVAILABLE, "no free pairing code after "
                + ISSUE_ATTEMPTS + " tries", null);
    }

    /** The page's attempt to pair with {@code code}, from the client at {@code clientAddress}. */
    public PairingOutcome redeem(String code, String clientAddress) throws StorageException {
        String digits = code == null ? "" : code.replaceAll("[\\s-]", "");
        if (!digits.matches("\\d{" + CODE_DIGITS + "}")) {
            return new PairingOutcome.NotACode();
        }
        Instant now = clock.instant();
        String clientRecord = CLIENTS + Hmac.hex(clientKey, clientAddress) + ".json";
        Tries tries = Tries.read(readJson(clientRecord), now);
        if (tries.wrong().size() >= MAX_WRONG_TRIES) {
            return new PairingOutcome.TooManyTries(Duration.between(now, tries.wrong().get(0).plus(CODE_LIFETIME)));
        }
        if (tries.all().size() >= MAX_TRIES_PER_HOUR) {
            return new PairingOutcome.TooManyTries(Duration.between(now, tries.all().get(0).plus(HOUR)));
        }
        tries.all().add(now);

        String hash = hash(digits);
        Optional<JsonNode> record = readJson(CODES + hash + ".json");
        PairingOutcome outcome;
        if (record.isEmpty()) {
            tries.wrong().add(now);
            outcome = new PairingOutcome.WrongCode(MAX_WRONG_TRIES - tries.wrong().size());
        } else if (!Instant.ofEpochMilli(record.get().path("expiresAt").asLong()).isAfter(now)) {
            outcome = new PairingOutcome.Expired();
        } else if (!store.putIfAbsent(REDEEMED + hash, new byte[0], "application/octet-stream", CALL)) {
            // Redeemed a moment ago by someone else: as good as never issued.
            tries.wrong().add(now);
            outcome = new PairingOutcome.WrongCode(MAX_WRONG_TRIES - tries.wrong().size());
        } else {
            String userKey = record.get().path("userKey").asText();
            store.delete(CODES + hash + ".json", CALL);
            store.delete(USERS + userKey + ".json", CALL);
            Instant linkedAt = Instant.ofEpochSecond(now.getEpochSecond());
            store.put(LINKS + userKey + ".json", bytes(JSON.createObjectNode().put("linkedAt", linkedAt.getEpochSecond())),
                    "application/json", CALL);
            outcome = new PairingOutcome.Paired(userKey, linkedAt);
        }
        store.put(clientRecord, bytes(tries.toJson()), "application/json", CALL);
        return outcome;
    }

    /** When the user's phone link was made, or empty when there is none (never paired, or forgotten). */
    public Optional<Instant> linkedAt(String userKey) throws StorageException {
        return readJson(LINKS + userKey + ".json").map(r -> Instant.ofEpochSecond(r.path("linkedAt").asLong()));
    }

    /** Removes the user's live code and phone link: every session of theirs ends. */
    public void forget(String userKey) throws StorageException {
        Optional<JsonNode> current = readJson(USERS + userKey + ".json");
        if (current.isPresent()) {
            store.delete(current.get().path("code").asText(), CALL);
        }
        store.delete(USERS + userKey + ".json", CALL);
        store.delete(LINKS + userKey + ".json", CALL);
    }

    private void retirePreviousCode(String userKey, String newCodeKey) throws StorageException {
        String index = USERS + userKey + ".json";
        readJson(index).map(r -> r.path("code").asText()).filter(k -> !k.equals(newCodeKey)).ifPresent(this::deleteQuietly);
        store.put(index, bytes(JSON.createObjectNode().put("code", newCodeKey)), "application/json", CALL);
    }

    private String hash(String code) {
        return Hmac.hex(codeKey, code);
    }

    private Optional<JsonNode> readJson(String key) throws StorageException {
        try {
            return Optional.of(JSON.readTree(store.get(key, 64 * 1024, CALL)));
        } catch (StorageException e) {
            if (e.kind() == StorageException.Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        } catch (IOException e) {
            return Optional.empty(); // a damaged record counts as none
        }
    }

    private void deleteQuietly(String key) {
        try {
            store.delete(key, CALL);
        } catch (StorageException e) {
            // the lifecycle rule removes it within a day
        }
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A client's recent tries (the last hour) and wrong tries (the last code lifetime), oldest first. */
    private record Tries(List<Instant> all, List<Instant> wrong) {

        static Tries read(Optional<JsonNode> record, Instant now) {
            return new Tries(times(record, "tries", now.minus(HOUR)), times(record, "wrong", now.minus(CODE_LIFETIME)));
        }

        private static List<Instant> times(Optional<JsonNode> record, String field, Instant since) {
            List<Instant> out = new ArrayList<>();
            record.ifPresent(r -> r.path(field).forEach(t -> {
                Instant at = Instant.ofEpochMilli(t.asLong());
                if (at.isAfter(since)) {
                    out.add(at);
                }
            }));
            out.sort(null);
            return out;
        }

        JsonNode toJson() {
            ObjectNode o = JSON.createObjectNode();
            ArrayNode a = o.putArray("tries");
            all.forEach(t -> a.add(t.toEpochMilli()));
            ArrayNode w = o.putArray("wrong");
            wrong.forEach(t -> w.add(t.toEpochMilli()));
            return o;
        }
    }
}
