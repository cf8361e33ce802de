package dev.cuddlies.batch;

import dev.cuddlies.recordio.ImageRecord;
import dev.cuddlies.recordio.RecordIOWriter;
import dev.cuddlies.serve.ModelCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, finding 6: {@code batch} kept every failed record in memory and read a {@code .rec} with
 * its {@code .idx} whole. Run here as its own process with a 128 MB heap: memory must not grow with
 * the input, and nothing partial or raw may be left behind.
 */
class BatchMemoryTest {

    @TempDir
    Path dir;

    @Test
    void threeMillionBadLinesAreCountedNotKept() throws Exception {
        Path input = dir.resolve("ones.jsonl");
        Files.write(input, "1\n".repeat(2_990_000).getBytes(StandardCharsets.US_ASCII));

        Run run = batch(input);

        assertThat(run.exit).as(run.output).isZero();
        assertThat(run.output).contains("2990000 records, 0 ok, 2990000 failed").contains("and 2989980 more");
        try (Stream<String> lines = Files.lines(dir.resolve("out/ones.jsonl.out"))) {
            assertThat(lines.count()).isEqualTo(2_990_000);
        }
        assertNothingPartialOrRaw(run);
    }

    @Test
    void anIndexedRecordIoLargerThanTheHeapIsReadOneRecordAtATime() throws Exception {
        Path rec = dir.resolve("big.rec");
        List<IndexFile.Entry> index = new ArrayList<>();
        byte[] notAPicture = new byte[1_000_000];
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(rec));
             RecordIOWriter w = new RecordIOWriter(file)) {
            for (int i = 0; i < 200; i++) {
                index.add(new IndexFile.Entry(i, w.position()));
                notAPicture[0] = (byte) i;
                w.write(new ImageRecord(new float[] {i}, i, 0, notAPicture).pack());
            }
        }
        IndexFile.write(dir.resolve("big.idx"), index);

        Run run = batch(rec);

        assertThat(run.exit).as(run.output).isZero();
        assertThat(run.output).contains("200 records, 0 ok, 200 failed");
        try (Stream<String> lines = Files.lines(dir.resolve("out/big.rec.out"))) {
            assertThat(lines.filter(l -> l.contains("\"not_an_image\"")).count()).isEqualTo(200);
        }
        assertNothingPartialOrRaw(run);
    }

    @Test
    void anUnreadableObjectGivesOneCleanErrorLineAndNoPartialFile() throws Exception {
        Path input = dir.resolve("text.rec");
        Files.writeString(input, "this is not RecordIO\n".repeat(1000));
        Files.writeString(dir.resolve("text.idx"), "0\t0\nnot an index line\n");

        Run run = batch(input);

        assertThat(run.exit).as(run.output).isEqualTo(1);
        assertThat(run.output).contains("text.rec: text.idx line 2: expected key<TAB>offset");
        assertNothingPartialOrRaw(run);
    }

    private void assertNothingPartialOrRaw(Run run) throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
        assertThat(run.output).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("OutOfMemoryError");
    }

    private record Run(int exit, String output) {
    }

    private Run batch(Path input) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), ModelCli.class.getName(),
                "batch", "--input", input.toString(), "--output", dir.resolve("out").toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), output);
    }
}
