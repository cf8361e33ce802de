package dev.cuddlies.config;

import java.util.Objects;

/**
 * A credential read from configuration. Its {@link #toString()} never shows the value, so a secret
 * cannot reach a log line or an exception message by accident; only {@link #reveal()} gives it.
 */
public final class Secret {

    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value);
    }

    /** The value, for the one place that sends it (a header, a signature). */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
