package dev.cuddlies.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuddlies.outline.OutlineEngine;
import dev.cuddlies.recordio.RecordIOReader;
import dev.cuddlies.records.InputRecord;
import dev.cuddlies.records.RecordReaders;
import dev.cuddlies.records.RecordResults;
import dev.cuddlies.records.SourceResolver;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What a Batch Transform job does, on local files: every input object (a file, or each file of a
 * folder) gives one {@code <object>.out} in the output folder, with one result per record in input
 * order. A bad record gives an error line and the rest are processed; an object that cannot be read
 * at all gives no {@code .out} and is reported. Outputs appear whole or not at all.
 *
 * <p>Memory does not grow with the input: records are read one at a time (an {@code .idx} and a
 * {@code .lst} included), each result is written as soon as it is made, and failures are counted,
 * with only the first {@link #PROBLEMS_KEPT} described.
 */
public final class BatchRunner {

    /** Problems described in the summary; the rest are only counted (each is in its .out line). */
    public static final int PROBLEMS_KEPT = 20;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final OutlineEngine engine;
    private final long maxRecordBytes;

    public BatchRunner(OutlineEngine engine, long maxRecordBytes) {
        this.engine = engine;
        this.maxRecordBytes = maxRecordBytes;
    }

    /**
     * Totals of a run.
     *
     * @param problems the first {@link #PROBLEMS_KEPT} failures, described; {@code objectsFailed +
     *                 recordsFailed} says how many there were in all
     */
    public record Summary(int objects, int objectsFailed, long records, long recordsFailed, List<String> problems) {
        public long problemsNotShown() {
            return objectsFailed + recordsFailed - problems.size();
        }
    }

    /**
     * @param split     how each object splits into records; null infers it from each file's name
     * @param onRecord  called after each record (for a progress bar)
     */
    public Summary run(Path input, Path outputDir, SplitType split, Consumer<Long> onRecord) throws IOException {
        if (!Files.exists(input)) {
            throw new IOException("no such file or folder: " + input);
        }
        Files.createDirectories(outputDir);
        List<Path> objects = new ArrayList<>();
        if (Files.isDirectory(input)) {
            try (Stream<Path> files = Files.list(input)) {
                files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".idx"))
                        .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().forEach(objects::add);
            }
        } else {
            objects.add(input);
        }
        int failedObjects = 0;
        long records = 0;
        long failedRecords = 0;
        List<String> problems = new ArrayList<>();
        for (Path object : objects) {
            SplitType type = split == null ? SplitType.infer(object) : split;
            Path out = outputDir.resolve(object.getFileName() + ".out");
            Path tmp = outputDir.resolve("." + object.getFileName() + ".out.partial");
            boolean written = false;
            try (RecordSource source = open(object, type);
                 BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                while (source.hasNext()) {
                    ObjectNode result = RecordResults.trace(source.next(), engine);
                    records++;
                    if (RecordResults.isError(result)) {
                        failedRecords++;
                        keep(problems, object.getFileName() + " " + describe(result) + ": " + result.get("message").asText());
                    }
                    w.write(result.toString());
                    w.write('\n');
                    onRecord.accept(records);
                }
                written = true;
            } catch (IOException | UncheckedIOException e) {
                failedObjects++;
                keep(problems, object.getFileName() + ": " + plain(e));
            } catch (OutOfMemoryError e) {
                failedObjects++;
                keep(problems, object.getFileName() + ": ran out of memory (a record larger than the heap allows?); "
                        + "give Java more memory (-Xmx) or lower --max-record-mb");
            } catch (RuntimeException e) {
                failedObjects++;
                keep(problems, object.getFileName() + ": could not be read (" + e.getClass().getSimpleName() + ")");
            } finally {
                if (!written) {
                    Files.deleteIfExists(tmp);
                }
            }
            if (written) {
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return new Summary(objects.size(), failedObjects, records, failedRecords, problems);
    }

    private static void keep(List<String> problems, String problem) {
        if (problems.size() < PROBLEMS_KEPT) {
            problems.add(problem);
        }
    }

    private static String plain(Exception e) {
        Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** How many records a run will see, when that is cheap to know (for the progress bar's total). */
    public static long estimateRecords(Path input) throws IOException {
        if (Files.isDirectory(input)) {
            try (Stream<Path> files = Files.list(input)) {
                return files.filter(Files::isRegularFile).count();
            }
        }
        SplitType t = SplitType.infer(input);
        Path idx = indexOf(input);
        if (t == SplitType.LINE || t == SplitType.LST || (t == SplitType.RECORDIO && Files.exists(idx))) {
            try (Stream<String> lines = Files.lines(t == SplitType.RECORDIO ? idx : input)) {
                return lines.filter(l -> !l.isBlank()).count();
            }
        }
        return t == SplitType.NONE ? 1 : -1;
    }

    /** The records of one object, read lazily; closing releases the files behind them. */
    private interface RecordSource extends Iterator<InputRecord>, Closeable {
        static RecordSource of(Iterator<InputRecord> records, Closeable... resources) {
            return new RecordSource() {
                @Override
                public boolean hasNext() {
                    return records.hasNext();
                }

                @Override
                public InputRecord next() {
                    return records.next();
                }

                @Override
                public void close() throws IOException {
                    for (Closeable c : resources) {
                        c.close();
                    }
                }
            };
        }
    }

    private RecordSource open(Path object, SplitType type) throws IOException {
        return switch (type) {
            case NONE -> {
                if (Files.size(object) > maxRecordBytes) {
                    throw new IOException("larger than the " + maxRecordBytes / 1_000_000 + " MB record limit");
                }
                yield RecordSource.of(List.of(InputRecord.of(MAPPER.createObjectNode(), Files.readAllBytes(object))).iterator());
            }
            case LINE -> {
                InputStream in = Files.newInputStream(object);
                // A base64 picture is 4/3 of its bytes, plus the other fields of its line.
                long maxLineChars = maxRecordBytes / 3 * 4 + 64 * 1024;
                yield RecordSource.of(RecordReaders.jsonLines(in,
                        SourceResolver.under(object.toAbsolutePath().getParent(), maxRecordBytes), maxLineChars), in);
            }
            case LST -> RecordSource.of(LstFile.records(object, maxRecordBytes));
            case RECORDIO -> {
                Path idx = indexOf(object);
                if (Files.exists(idx)) {
                    yield indexed(object, idx);
                }
                InputStream in = Files.newInputStream(object);
                yield RecordSource.of(RecordReaders.recordIO(in, maxRecordBytes), in);
            }
        };
    }

    /** Records read at the offsets an {@code .idx} gives, in its order, each echoing its key; one at a time. */
    private RecordSource indexed(Path rec, Path idx) throws IOException {
        FileChannel channel = FileChannel.open(rec, StandardOpenOption.READ);
        BufferedReader lines = Files.newBufferedReader(idx, StandardCharsets.UTF_8);
        Iterator<InputRecord> records = new Iterator<>() {
            private int number;
            private IndexFile.Entry next = advance();

            private IndexFile.Entry advance() {
                try {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        Optional<IndexFile.Entry> e = IndexFile.parse(idx, line, ++number);
                        if (e.isPresent()) {
                            return e.get();
                        }
                    }
                    return null;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public InputRecord next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                IndexFile.Entry e = next;
                next = advance();
                return read(channel, e);
            }
        };
        return RecordSource.of(records, lines, channel);
    }

    private InputRecord read(FileChannel channel, IndexFile.Entry e) {
        ObjectNode echo = MAPPER.createObjectNode();
        echo.put("key", e.key());
        try {
            channel.position(e.offset());
            // Not closed here: closing the reader would close the shared channel.
            RecordIOReader reader = new RecordIOReader(Channels.newInputStream(channel), maxRecordBytes);
            Optional<byte[]> raw = reader.next();
            return raw.isPresent() ? RecordReaders.imageRecord(raw.get(), echo)
                    : InputRecord.failed(echo, "bad_recordio", "no record at offset " + e.offset());
        } catch (IOException x) {
            return InputRecord.failed(echo, "bad_recordio", x.getMessage());
        }
    }

    static Path indexOf(Path rec) {
        String name = rec.getFileName().toString();
        String base = name.endsWith(".rec") ? name.substring(0, name.length() - 4) : name;
        return rec.resolveSibling(base + ".idx");
    }

    private static String describe(ObjectNode result) {
        if (result.has("id")) {
            return "record " + result.get("id").asText();
        }
        if (result.has("line")) {
            return "line " + result.get("line").asText();
        }
        if (result.has("record")) {
            return "record #" + result.get("record").asText();
        }
        return "";
    }
}
