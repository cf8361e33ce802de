package dev.cuddlies.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuddlies.outline.OutlineEngine;
import dev.cuddlies.recordio.RecordIOReader;
import dev.cuddlies.records.InputRecord;
import dev.cuddlies.records.RecordReaders;
import dev.cuddlies.records.RecordResults;
import dev.cuddlies.records.SourceResolver;

import java.io.BufferedWriter;
import java.io.IOException;
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
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * What a Batch Transform job does, on local files: every input object (a file, or each file of a
 * folder) gives one {@code <object>.out} in the output folder, with one result per record in input
 * order. A bad record gives an error line and the rest are processed; an object that cannot be read
 * at all gives no {@code .out} and is reported. Outputs appear whole or not at all.
 */
public final class BatchRunner {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final OutlineEngine engine;
    private final long maxRecordBytes;

    public BatchRunner(OutlineEngine engine, long maxRecordBytes) {
        this.engine = engine;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** Totals of a run. */
    public record Summary(int objects, int objectsFailed, long records, long recordsFailed, List<String> problems) {
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
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                Iterator<InputRecord> it = records(object, type);
                while (it.hasNext()) {
                    ObjectNode result = RecordResults.trace(it.next(), engine);
                    records++;
                    if (RecordResults.isError(result)) {
                        failedRecords++;
                        problems.add(object.getFileName() + " " + describe(result) + ": " + result.get("message").asText());
                    }
                    w.write(result.toString());
                    w.write('\n');
                    onRecord.accept(records);
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                failedObjects++;
                problems.add(object.getFileName() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                continue;
            }
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return new Summary(objects.size(), failedObjects, records, failedRecords, problems);
    }

    /** How many records a run will see, when that is cheap to know (for the progress bar's total). */
    public static long estimateRecords(Path input) throws IOException {
        if (Files.isDirectory(input)) {
            try (Stream<Path> files = Files.list(input)) {
                return files.filter(Files::isRegularFile).count();
            }
        }
        SplitType t = SplitType.infer(input);
        if (t == SplitType.LINE || t == SplitType.LST) {
            try (Stream<String> lines = Files.lines(input)) {
                return lines.filter(l -> !l.isBlank()).count();
            }
        }
        Path idx = indexOf(input);
        if (t == SplitType.RECORDIO && Files.exists(idx)) {
            return IndexFile.read(idx).size();
        }
        return t == SplitType.NONE ? 1 : -1;
    }

    private Iterator<InputRecord> records(Path object, SplitType type) throws IOException {
        return switch (type) {
            case NONE -> {
                if (Files.size(object) > maxRecordBytes) {
                    throw new IOException("larger than the " + maxRecordBytes / 1_000_000 + " MB record limit");
                }
                ObjectNode echo = MAPPER.createObjectNode();
                yield List.of(InputRecord.of(echo, Files.readAllBytes(object))).iterator();
            }
            case LINE -> RecordReaders.jsonLines(Files.newInputStream(object),
                    SourceResolver.under(object.toAbsolutePath().getParent(), maxRecordBytes));
            case LST -> LstFile.records(object, maxRecordBytes).iterator();
            case RECORDIO -> {
                Path idx = indexOf(object);
                yield Files.exists(idx) ? indexed(object, IndexFile.read(idx))
                        : RecordReaders.recordIO(Files.newInputStream(object), maxRecordBytes);
            }
        };
    }

    /** Records read at the offsets an {@code .idx} gives, in its order, each echoing its key. */
    private Iterator<InputRecord> indexed(Path rec, List<IndexFile.Entry> index) throws IOException {
        List<InputRecord> out = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(rec, StandardOpenOption.READ)) {
            for (IndexFile.Entry e : index) {
                channel.position(e.offset());
                // Not closed here: closing the reader would close the shared channel.
                RecordIOReader reader = new RecordIOReader(Channels.newInputStream(channel), maxRecordBytes);
                ObjectNode echo = MAPPER.createObjectNode();
                echo.put("key", e.key());
                try {
                    Optional<byte[]> raw = reader.next();
                    out.add(raw.isPresent() ? RecordReaders.imageRecord(raw.get(), echo)
                            : InputRecord.failed(echo, "bad_recordio", "no record at offset " + e.offset()));
                } catch (IOException x) {
                    out.add(InputRecord.failed(echo, "bad_recordio", x.getMessage()));
                }
            }
        }
        return out.iterator();
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
