package dev.cuddlies.config;

import dev.cuddlies.maker.UserKeys;
import dev.cuddlies.warmth.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 12, finding 5: secrets were resolved by CloudFormation into the functions' environment. Now
 * the environment names secrets and the real SDK client reads them at run time from Secrets Manager
 * (here a loopback server speaking its wire protocol), cached, with rotations picked up.
 */
class SecretsAtRuntimeTest {

    private static final String USER_KEY_ID = "cuddlies/user-key";
    private static SecretsManagerServer secretsManager;

    @TempDir
    Path data;

    @BeforeAll
    static void start() throws Exception {
        secretsManager = new SecretsManagerServer();
        // The default credential chain reads these first; the loopback server checks the request is signed.
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    }

    @AfterAll
    static void stop() {
        secretsManager.close();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private Map<String, String> lambdaEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_LAMBDA_FUNCTION_NAME", "cuddlies-skill");
        env.put("AWS_REGION", "us-east-1");
        env.put("CUDDLIES_SKILL_ID", "amzn1.ask.skill.00000000-0000-0000-0000-000000000000");
        env.put("CUDDLIES_HOME", data.toString());
        env.put("CUDDLIES_SECRETSMANAGER_ENDPOINT", secretsManager.endpoint().toString());
        return env;
    }

    @Test
    void inLambdaTheUserKeyIsReadFromSecretsManagerByItsArn() {
        secretsManager.put(USER_KEY_ID, "stored-user-key-0123456789abcdef");
        Map<String, String> env = lambdaEnv();
        env.put("CUDDLIES_USER_KEY_SECRET_ID", SecretsManagerServer.arn(USER_KEY_ID));
        AppConfig config = AppConfig.fromEnv(env);

        Services services = Services.create(config, java.time.Clock.systemUTC());

        UserKeys expected = new UserKeys("stored-user-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8));
        assertThat(services.userKeys().of("amzn1.ask.account.X")).isEqualTo(expected.of("amzn1.ask.account.X"));
        assertThat(config.userKeySecret().orElseThrow()).hasToString("Secret[secretsmanager:" + SecretsManagerServer.arn(USER_KEY_ID) + "]");
    }

    @Test
    void inLambdaASecretValueInTheEnvironmentIsRefused() {
        Map<String, String> env = lambdaEnv();
        env.put("CUDDLIES_USER_KEY_SECRET", "a-secret-in-plain-sight");
        assertThatThrownBy(() -> AppConfig.fromEnv(env)).hasMessageContaining("CUDDLIES_USER_KEY_SECRET is in the environment")
                .hasMessageNotContaining("a-secret-in-plain-sight");

        Map<String, String> ewelink = lambdaEnv();
        ewelink.put("CUDDLIES_SWITCH_DRIVER", "ewelink");
        ewelink.put("CUDDLIES_EWELINK_REGION", "eu");
        ewelink.put("CUDDLIES_EWELINK_APP_ID", "app");
        ewelink.put("CUDDLIES_EWELINK_DEVICE_ID", "1000a1b2c3");
        ewelink.put("CUDDLIES_EWELINK_APP_SECRET", "plain");
        assertThatThrownBy(() -> AppConfig.fromEnv(ewelink)).hasMessageContaining("CUDDLIES_EWELINK_APP_SECRET_ID");
    }

    @Test
    void switchCredentialsAreNamedNotGiven() {
        Map<String, String> env = lambdaEnv();
        env.put("CUDDLIES_SWITCH_DRIVER", "ewelink");
        env.put("CUDDLIES_EWELINK_REGION", "eu");
        env.put("CUDDLIES_EWELINK_APP_ID", "app");
        env.put("CUDDLIES_EWELINK_DEVICE_ID", "1000a1b2c3");
        env.put("CUDDLIES_EWELINK_APP_SECRET_ID", "cuddlies/ewelink/app-secret");
        env.put("CUDDLIES_EWELINK_ACCESS_TOKEN_SECRET_ID", "cuddlies/ewelink/access-token");
        env.put("CUDDLIES_EWELINK_REFRESH_TOKEN_SECRET_ID", "cuddlies/ewelink/refresh-token");

        SwitchSettings.Ewelink s = (SwitchSettings.Ewelink) AppConfig.fromEnv(env).switches();

        assertThat(s.appSecret()).isEqualTo(new Secret.Stored("cuddlies/ewelink/app-secret"));
        assertThat(s.accessToken()).isEqualTo(new Secret.Stored("cuddlies/ewelink/access-token"));
    }

    @Test
    void aSecretIsReadOncePerTtlAndARotationArrivesAfterIt() {
        secretsManager.put("cuddlies/ifttt/key", "key-one");
        MutableClock clock = new MutableClock(Instant.parse("2026-11-29T20:00:00Z"));
        Map<String, String> env = lambdaEnv();
        SecretsManagerSecrets secrets = Services.secrets(AppConfig.fromEnv(env), clock);
        Supplier<String> key = secrets.supplier(new Secret.Stored("cuddlies/ifttt/key"));
        int before = secretsManager.reads();

        assertThat(key.get()).isEqualTo("key-one");
        assertThat(key.get()).isEqualTo("key-one");
        assertThat(secretsManager.reads() - before).as("one read within the TTL").isEqualTo(1);

        secretsManager.put("cuddlies/ifttt/key", "key-two"); // rotated
        clock.advance(Duration.ofMinutes(4));
        assertThat(key.get()).as("cached until the TTL runs out").isEqualTo("key-one");
        clock.advance(Duration.ofMinutes(2));
        assertThat(key.get()).isEqualTo("key-two");
        assertThat(secretsManager.reads() - before).isEqualTo(2);
    }

    @Test
    void anOutageServesTheLastValueForAnHourThenFails() {
        secretsManager.put("cuddlies/outage", "last-good");
        MutableClock clock = new MutableClock(Instant.parse("2026-11-29T20:00:00Z"));
        SecretsManagerSecrets secrets = Services.secrets(AppConfig.fromEnv(lambdaEnv()), clock);
        assertThat(secrets.value("cuddlies/outage")).isEqualTo("last-good");
        try {
            secretsManager.failing(true);
            clock.advance(Duration.ofMinutes(30));
            assertThat(secrets.value("cuddlies/outage")).isEqualTo("last-good");
            clock.advance(Duration.ofMinutes(40));
            assertThatThrownBy(() -> secrets.value("cuddlies/outage"))
                    .isInstanceOf(SecretsManagerSecrets.Unavailable.class)
                    .hasMessage("secret cuddlies/outage could not be read from Secrets Manager");
        } finally {
            secretsManager.failing(false);
        }
    }

    @Test
    void anUnknownSecretIsAPlainFailureNamingIt() {
        SecretsManagerSecrets secrets = Services.secrets(AppConfig.fromEnv(lambdaEnv()), java.time.Clock.systemUTC());
        assertThatThrownBy(() -> secrets.value("cuddlies/nope"))
                .isInstanceOf(SecretsManagerSecrets.Unavailable.class).hasMessageContaining("cuddlies/nope");
    }
}
