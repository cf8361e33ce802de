package dev.cuddlies.infra;

import java.util.List;

/** The permission names a genome may grant; anything else is refused by name. */
public final class Permissions {

    public static final List<String> LAMBDA = List.of("list-uploads", "read-uploads", "delete-uploads", "write-patterns",
            "read-patterns", "warmth-state", "invoke-endpoint", "read-switch-secrets", "publish-switch-topics",
            "read-switch-shadow", "write-logs", "pairing-codes");
    public static final List<String> WEB = List.of("list-user-files", "pairing-state", "post-uploads", "delete-uploads",
            "read-patterns", "delete-patterns", "write-logs");
    public static final List<String> SAGEMAKER = List.of("read-model-artifact", "pull-image", "write-logs");

    private Permissions() {
    }
}
