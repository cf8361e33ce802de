package dev.cuddlies.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the skill needs to know about where it runs, read once per container.
 *
 * <p>Cloud: {@code CUDDLIES_SKILL_ID}, {@code CUDDLIES_BUCKET}, {@code CUDDLIES_OUTLINE_ENDPOINT}
 * (a SageMaker endpoint name), {@code CUDDLIES_USER_KEY_SECRET_ID} (the Secrets Manager secret of the
 * user-key, read at run time), {@code AWS_REGION}. Credentials are never values in the environment
 * in Lambda, only secret ids; a self-hosted or local setup may give them as values
 * ({@code CUDDLIES_USER_KEY_SECRET}). Without a bucket
 * the pictures live in a local folder ({@code CUDDLIES_HOME}, default {@code ./cuddlies-data});
 * without an endpoint the outline runs in-process. That local set is the embedded default.
 *
 * @param skillId          the Alexa skill id requests must carry
 * @param bucket           S3 bucket, or empty for local storage
 * @param dataDir          local storage folder (when no bucket)
 * @param outlineEndpoint  SageMaker endpoint name, or empty for the in-process engine
 * @param region           AWS region of the bucket and endpoint
 * @param userKeySecret    secret for keyed hashes of user ids, or empty (local: generated and kept in dataDir)
 * @param s3Endpoint       endpoint override for S3 (tests, S3-compatible stores), or empty
 * @param sageMakerEndpoint endpoint override for SageMaker runtime (tests, a self-hosted model), or empty
 * @param answerBudget     time from the start of a request to the latest answer
 * @param publicUrl        where a self-hosted server publishes the local folder's patterns over HTTPS
 *                         ({@code CUDDLIES_PUBLIC_URL}), so cards can link them; empty otherwise
 * @param switches         the heater switch and its settings ({@code CUDDLIES_SWITCH_DRIVER}…)
 * @param webUrl           the phone page's address, said aloud and put on cards ({@code CUDDLIES_WEB_URL},
 *                         e.g. https://cuddlies.app/go); empty when there is no page
 * @param secretsEndpoint  endpoint override for Secrets Manager (tests), or empty
 * @param warmth           warmth limits and control step ({@code CUDDLIES_MAX_SETPOINT_C}…)
 */
public record AppConfig(String skillId, Optional<String> bucket, Path dataDir, Optional<String> outlineEndpoint,
                        String region, Optional<Secret> userKeySecret, Optional<URI> s3Endpoint,
                        Optional<URI> sageMakerEndpoint, Duration answerBudget, Optional<URI> publicUrl,
                        SwitchSettings switches, Optional<URI> webUrl, Optional<URI> secretsEndpoint,
                        WarmthSettings warmth) {

    /** The skill id of the local console and the self-hosted server's local mode. */
    public static final String LOCAL_SKILL_ID = "amzn1.ask.skill.cuddlies-local";
    public static final Duration DEFAULT_ANSWER_BUDGET = Duration.ofMillis(6500);

    public static AppConfig fromEnv(Map<String, String> env) {
        boolean inLambda = env.containsKey("AWS_LAMBDA_FUNCTION_NAME");
        String skillId = env.get("CUDDLIES_SKILL_ID");
        if (skillId != null && skillId.isBlank()) {
            // Set but empty is a mistake (an unfilled template), never a request for the local id.
            throw new IllegalStateException("CUDDLIES_SKILL_ID is set but blank: give the skill's id or leave it out");
        }
        if (skillId == null) {
            if (inLambda) {
                throw new IllegalStateException("CUDDLIES_SKILL_ID is not set: the skill would answer anyone");
            }
            skillId = LOCAL_SKILL_ID;
        }
        skillId = skillId.trim();
        Optional<String> bucket = nonBlank(env.get("CUDDLIES_BUCKET"));
        Optional<Secret> secret = new SwitchSettings.Settings(env, inLambda).secret("CUDDLIES_USER_KEY_SECRET");
        Duration budget = nonBlank(env.get("CUDDLIES_ANSWER_BUDGET_MS")).map(ms -> Duration.ofMillis(Long.parseLong(ms)))
                .orElse(DEFAULT_ANSWER_BUDGET);
        return new AppConfig(skillId, bucket, Path.of(env.getOrDefault("CUDDLIES_HOME", "cuddlies-data")),
                nonBlank(env.get("CUDDLIES_OUTLINE_ENDPOINT")), env.getOrDefault("AWS_REGION", "us-east-1"), secret,
                nonBlank(env.get("CUDDLIES_S3_ENDPOINT")).map(URI::create),
                nonBlank(env.get("CUDDLIES_SAGEMAKER_ENDPOINT")).map(URI::create), budget,
                nonBlank(env.get("CUDDLIES_PUBLIC_URL")).map(u -> URI.create(u.endsWith("/") ? u + "files/" : u + "/files/")),
                SwitchSettings.fromEnv(env), nonBlank(env.get("CUDDLIES_WEB_URL")).map(URI::create),
                nonBlank(env.get("CUDDLIES_SECRETSMANAGER_ENDPOINT")).map(URI::create), WarmthSettings.fromEnv(env));
    }

    /** The embedded default: a local folder, the in-process engine, the local skill id. */
    public static AppConfig local(Path dataDir) {
        return new AppConfig(LOCAL_SKILL_ID, Optional.empty(), dataDir, Optional.empty(), "us-east-1",
                Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_ANSWER_BUDGET, Optional.empty(),
                new SwitchSettings.None(), Optional.empty(), Optional.empty(),
                WarmthSettings.defaults(WarmthSettings.LOCAL_CONTROL_STEP));
    }

    /** The same configuration with another heater switch. */
    public AppConfig withSwitches(SwitchSettings s) {
        return new AppConfig(skillId, bucket, dataDir, outlineEndpoint, region, userKeySecret, s3Endpoint,
                sageMakerEndpoint, answerBudget, publicUrl, s, webUrl, secretsEndpoint, warmth);
    }

    /**
     * The same configuration with the phone page at {@code page} (a local server's address); local
     * pattern links then go through that server's {@code /files/} unless published elsewhere.
     */
    public AppConfig withWebUrl(URI page) {
        Optional<URI> files = publicUrl.isPresent() ? publicUrl
                : Optional.of(URI.create(page.getScheme() + "://" + page.getRawAuthority() + "/files/"));
        return new AppConfig(skillId, bucket, dataDir, outlineEndpoint, region, userKeySecret, s3Endpoint,
                sageMakerEndpoint, answerBudget, files, switches, Optional.of(page), secretsEndpoint, warmth);
    }

    /** The same configuration with other warmth settings. */
    public AppConfig withWarmth(WarmthSettings w) {
        return new AppConfig(skillId, bucket, dataDir, outlineEndpoint, region, userKeySecret, s3Endpoint,
                sageMakerEndpoint, answerBudget, publicUrl, switches, webUrl, secretsEndpoint, w);
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }
}
