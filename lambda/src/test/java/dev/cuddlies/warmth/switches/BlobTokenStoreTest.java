package dev.cuddlies.warmth.switches;

import dev.cuddlies.storage.LocalBlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BlobTokenStoreTest {

    @TempDir
    Path root;

    private final EwelinkTokenStore.Tokens linked = new EwelinkTokenStore.Tokens("at-1", "rt-1");

    @Test
    void aRotatedPairIsSharedAndTheLoserOfTwoSavesGetsTheWinnersPair() {
        LocalBlobStore bucket = new LocalBlobStore(root);
        BlobTokenStore skill = new BlobTokenStore(bucket, "app-secret", linked);
        BlobTokenStore tick = new BlobTokenStore(bucket, "app-secret", linked);
        EwelinkTokenStore.Stored seen = skill.current();
        EwelinkTokenStore.Stored seenByTick = tick.current();
        assertThat(seen.tokens()).isEqualTo(linked);

        EwelinkTokenStore.Stored saved = skill.replace(seen, new EwelinkTokenStore.Tokens("at-2", "rt-2"));
        EwelinkTokenStore.Stored lost = tick.replace(seenByTick, new EwelinkTokenStore.Tokens("at-x", "rt-x"));

        assertThat(saved.tokens()).isEqualTo(new EwelinkTokenStore.Tokens("at-2", "rt-2"));
        assertThat(lost.tokens()).isEqualTo(saved.tokens());
        assertThat(new BlobTokenStore(bucket, "app-secret", linked).current().tokens()).isEqualTo(saved.tokens());
    }

    @Test
    void linkingTheAccountAgainReplacesWhatWasStoredAndNothingIsStoredInTheClear() throws Exception {
        LocalBlobStore bucket = new LocalBlobStore(root);
        BlobTokenStore first = new BlobTokenStore(bucket, "app-secret", linked);
        first.replace(first.current(), new EwelinkTokenStore.Tokens("at-2", "rt-2"));

        EwelinkTokenStore.Tokens relinked = new EwelinkTokenStore.Tokens("at-new", "rt-new");
        assertThat(new BlobTokenStore(bucket, "app-secret", relinked).current().tokens()).isEqualTo(relinked);

        String onDisk = new String(Files.readAllBytes(bucket.pathOf(BlobTokenStore.KEY)), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(onDisk).doesNotContain("at-new").doesNotContain("rt-new");
        assertThat(new BlobTokenStore(bucket, "another-app-secret", relinked).current().tokens())
                .as("unreadable with another key: the configured pair is used and stored again").isEqualTo(relinked);
    }

    @Test
    void tokensNeverShowInToString() {
        assertThat(linked.toString()).doesNotContain("at-1").doesNotContain("rt-1");
    }
}
