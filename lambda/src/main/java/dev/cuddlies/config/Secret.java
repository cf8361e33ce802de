package dev.cuddlies.config;

import java.util.Objects;

/**
 * A credential in configuration: either given as a value (a local or self-hosted setup's own file)
 * or stored in AWS Secrets Manager and named by its id, to be read at run time
 * ({@link SecretsManagerSecrets}). In Lambda only stored secrets are accepted, so no credential is
 * ever in a function's environment. {@link #toString()} never shows a value.
 */
public sealed interface Secret {

    /** A value given directly; {@link #reveal()} is for the one place that sends it. */
    record Given(String value) implements Secret {
        public Given {
            Objects.requireNonNull(value);
        }

        public String reveal() {
            return value;
        }

        @Override
        public String toString() {
            return "Secret[****]";
        }
    }

    /** A Secrets Manager secret (name or ARN), read and cached at run time. */
    record Stored(String secretId) implements Secret {
        public Stored {
            Objects.requireNonNull(secretId);
        }

        @Override
        public String toString() {
            return "Secret[secretsmanager:" + secretId + "]";
        }
    }
}
