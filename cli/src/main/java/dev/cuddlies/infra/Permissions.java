package dev.cuddlies.infra;

import java.util.List;

/** The permission names a genome may grant; anything else is refused by name. */
public final class Permissions {

    /** The skill answering Alexa. */
    public static final String SKILL = "skill";
    /** The one-minute thermostat step, for switches with a sensor. */
    public static final String WARMTH_TICK = "warmth-tick";
    /** The phone page behind a Lambda Function URL. */
    public static final String WEB = "web";
    /** The Lambda functions a genome can describe; each gets its own role and log group. */
    public static final List<String> FUNCTIONS = List.of(SKILL, WARMTH_TICK, WEB);

    public static final List<String> LAMBDA = List.of("list-uploads", "read-uploads", "delete-uploads", "write-patterns",
            "read-patterns", "warmth-state", "invoke-endpoint", "read-user-key-secret", "read-switch-secrets",
            "publish-switch-topics", "read-switch-shadow", "write-logs", "pairing-codes", "list-user-files",
            "pairing-state", "post-uploads", "delete-patterns");
    public static final List<String> SAGEMAKER = List.of("read-model-artifact", "pull-image", "write-logs");

    private Permissions() {
    }
}
