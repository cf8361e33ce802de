package dev.cuddlies.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 12, finding 6: a blank skill id fell back to the local one; the local secret was world-readable. */
class LocalConfigTest {

    @TempDir
    Path data;

    @Test
    void aBlankSkillIdIsRefusedNotReplacedByTheLocalOne() {
        assertThatThrownBy(() -> AppConfig.fromEnv(Map.of("CUDDLIES_SKILL_ID", " ")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CUDDLIES_SKILL_ID is set but blank");
        assertThatThrownBy(() -> AppConfig.fromEnv(Map.of("CUDDLIES_SKILL_ID", "", "AWS_LAMBDA_FUNCTION_NAME", "f")))
                .hasMessageContaining("set but blank");
        assertThatThrownBy(() -> AppConfig.fromEnv(Map.of("AWS_LAMBDA_FUNCTION_NAME", "f")))
                .hasMessageContaining("CUDDLIES_SKILL_ID is not set");
        assertThat(AppConfig.fromEnv(Map.of()).skillId()).isEqualTo(AppConfig.LOCAL_SKILL_ID);
    }

    @Test
    void theLocalUserKeySecretIsReadableByItsOwnerOnly() throws Exception {
        Services.create(AppConfig.local(data), Clock.systemUTC());

        Path secret = data.resolve(".user-key-secret");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
        assertThat(Files.readString(secret).trim()).hasSize(64);
    }
}
