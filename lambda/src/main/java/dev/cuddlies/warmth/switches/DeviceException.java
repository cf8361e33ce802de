package dev.cuddlies.warmth.switches;

/** A device command that did not go through; {@link #kind()} says why, for a plain answer. */
public final class DeviceException extends Exception {

    /** Why a command failed. */
    public enum Kind {
        /** The device (or its cloud) is offline or unreachable. */
        OFFLINE,
        /** The account behind the cloud API is signed out for good (401, 406, a refresh refused): link it again. */
        SIGNED_OUT,
        /** The cloud or device refused for a setup reason: app not permitted, wrong region, unknown device id. */
        REFUSED,
        /** The device or cloud did not answer in time, or the call quota is used up. */
        TIMEOUT,
        /** The command was sent but the device never confirmed it. */
        UNCONFIRMED,
        /** The cloud or device answered with an error, or with something that is not an answer. */
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
