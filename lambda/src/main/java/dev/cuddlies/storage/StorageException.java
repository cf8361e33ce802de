package dev.cuddlies.storage;

/** A storage call that failed; {@link #kind()} says how, so callers can tell the user what to do. */
public final class StorageException extends Exception {

    /** How a storage call failed. */
    public enum Kind {
        /** The store did not answer in time. */
        TIMEOUT,
        /** The store answered with an error or could not be reached. */
        UNAVAILABLE,
        /** The object is not there. */
        NOT_FOUND,
        /** The object is larger than the caller allows. */
        TOO_LARGE,
        /** A conditional write lost: the object changed since it was read. */
        CONFLICT
    }

    private final Kind kind;

    public StorageException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
