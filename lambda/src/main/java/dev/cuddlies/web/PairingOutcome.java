package dev.cuddlies.web;

import java.time.Duration;
import java.time.Instant;

/** What entering a pairing code on the page came to; each case is something the page can say plainly. */
public sealed interface PairingOutcome {

    /** The code was right: this browser now belongs to that user's uploads and patterns. */
    record Paired(String userKey, Instant linkedAt) implements PairingOutcome {
    }

    /** Not six digits; not counted as a try. */
    record NotACode() implements PairingOutcome {
    }

    /** No live code like that (never issued, or already used). */
    record WrongCode(int triesLeft) implements PairingOutcome {
    }

    /** The code was issued but its ten minutes are over. */
    record Expired() implements PairingOutcome {
    }

    /** Too many wrong tries (or tries) from this client; it may try again after {@code retryAfter}. */
    record TooManyTries(Duration retryAfter) implements PairingOutcome {
    }
}
