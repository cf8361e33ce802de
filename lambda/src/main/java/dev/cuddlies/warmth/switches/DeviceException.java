package dev.cuddlies.warmth.switches;

/** A device command that did not go through; {@link #kind()} says why, for a plain answer. */
public final class DeviceException extends Exception {

    /** Why a command failed. */
    public enum Kind {
        /** The device (or its cloud) is offline or unreachable. */
        OFFLINE,
        /** The cloud refused: credentials expired for good, app not permitted, wrong region. */
        REFUSED,
        /** The device or cloud did not answer in time. */
        TIMEOUT,
        /** The cloud or device answered with an error. */
        FAILED
    }

    private final Kind kind;

    public DeviceException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public DeviceException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
