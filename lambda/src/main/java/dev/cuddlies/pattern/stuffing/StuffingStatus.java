package dev.cuddlies.pattern.stuffing;

import java.util.Locale;

/** What became of the stuffing step for one pattern; each case is written to pattern.json as its {@link #word()}. */
public enum StuffingStatus {
    /** Compensated: the pattern is enlarged, the loop ran until the silhouettes matched or its rounds ran out. */
    COMPENSATED,
    /** Compensated, but time ran out between rounds: the best pattern found so far is the one cut. */
    CUT_SHORT,
    /** Stuffing off: the pattern is the outline as traced, with the prediction of how it stuffs (firm). */
    PREDICTED,
    /** Not run: too little time was left in the request; the pattern is the outline as traced. */
    NO_TIME,
    /** The simulation failed (no usable result); the pattern is the outline as traced. */
    FAILED;

    /** Whether a simulated shape (and so a prediction and {@code stuffed.png}) exists. */
    public boolean simulated() {
        return this == COMPENSATED || this == CUT_SHORT || this == PREDICTED;
    }

    /** Whether the pattern was enlarged. */
    public boolean enlarged() {
        return this == COMPENSATED || this == CUT_SHORT;
    }

    /** The lower-case word in pattern.json, e.g. {@code "no_time"}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
