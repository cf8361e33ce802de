package dev.cuddlies.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalBlobStoreConditionalTest {

    private static final Duration T = Duration.ofSeconds(1);

    @TempDir
    Path root;

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writesOnlyOverTheVersionReadAndCreatesOnlyWhenAbsent() throws Exception {
        LocalBlobStore store = new LocalBlobStore(root);
        assertThat(store.getVersioned("warmth/s.json", 100, T)).isEmpty();

        String v1 = store.putIfVersion("warmth/s.json", b("one"), "text/plain", Optional.empty(), T);
        assertThatThrownBy(() -> store.putIfVersion("warmth/s.json", b("again"), "text/plain", Optional.empty(), T))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.CONFLICT));
        String v2 = store.putIfVersion("warmth/s.json", b("two"), "text/plain", Optional.of(v1), T);
        assertThatThrownBy(() -> store.putIfVersion("warmth/s.json", b("stale"), "text/plain", Optional.of(v1), T))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.CONFLICT));

        BlobStore.Versioned now = store.getVersioned("warmth/s.json", 100, T).orElseThrow();
        assertThat(new String(now.data(), StandardCharsets.UTF_8)).isEqualTo("two");
        assertThat(now.version()).isEqualTo(v2);
        assertThat(store.list("warmth/", T)).extracting(StoredObject::key).containsExactly("warmth/s.json");
    }

    @Test
    void ofManyWritersThatReadTheSameVersionExactlyOneWins() throws Exception {
        LocalBlobStore store = new LocalBlobStore(root);
        String v = store.putIfVersion("k", b("0"), "text/plain", Optional.empty(), T);
        int writers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            // Each writer has its own store object, as separate processes would.
            LocalBlobStore mine = new LocalBlobStore(root);
            String value = "w" + i;
            results.add(pool.submit(() -> {
                go.await();
                try {
                    mine.putIfVersion("k", b(value), "text/plain", Optional.of(v), T);
                    return true;
                } catch (StorageException e) {
                    return false;
                }
            }));
        }
        go.countDown();
        int wins = 0;
        for (Future<Boolean> f : results) {
            wins += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(wins).isEqualTo(1);
    }
}
