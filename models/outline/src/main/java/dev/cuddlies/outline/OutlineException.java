package dev.cuddlies.outline;

/**
 * A picture that cannot become an outline. The message is a plain sentence meant for the user;
 * {@link #reason()} lets callers map the failure to a status or a spoken answer.
 */
public final class OutlineException extends Exception {

    /** Why a picture was refused. */
    public enum Reason {
        /** The bytes are not a picture in a supported format. */
        NOT_AN_IMAGE,
        /** Declared dimensions over the limits (decompression bombs included). */
        TOO_LARGE,
        /** Declared dimensions under the minimum. */
        TOO_SMALL,
        /** A recognised format whose data is damaged or truncated. */
        CORRUPT,
        /** Decoded fine, but no figure could be told from the background. */
        NO_FIGURE,
        /** The picture's estimated work (from its header) is more than the request's {@link WorkBudget} has left. */
        OVER_BUDGET,
        /** The request's {@link WorkBudget} was cancelled or ran out of time: not the picture's fault. */
        STOPPED
    }

    private final Reason reason;

    public OutlineException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
