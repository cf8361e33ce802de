package dev.cuddlies.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An MXNet {@code .idx}: {@code key \t byte_offset} per line, offsets into the matching {@code .rec}. */
public final class IndexFile {

    public record Entry(long key, long offset) {
    }

    private IndexFile() {
    }

    /** @throws IOException naming the first malformed line */
    public static List<Entry> read(Path idx) throws IOException {
        List<Entry> entries = new ArrayList<>();
        int number = 0;
        for (String line : Files.readAllLines(idx, StandardCharsets.UTF_8)) {
            number++;
            parse(idx, line, number).ifPresent(entries::add);
        }
        return entries;
    }

    /** One line's entry, or empty for a blank line. @throws IOException naming the line */
    static java.util.Optional<Entry> parse(Path idx, String line, int number) throws IOException {
        if (line.isBlank()) {
            return java.util.Optional.empty();
        }
        String[] f = line.trim().split("\t");
        try {
            return java.util.Optional.of(new Entry(Long.parseLong(f[0].trim()), Long.parseLong(f[1].trim())));
        } catch (RuntimeException e) {
            throw new IOException(idx.getFileName() + " line " + number + ": expected key<TAB>offset");
        }
    }

    public static void write(Path idx, List<Entry> entries) throws IOException {
        StringBuilder s = new StringBuilder();
        for (Entry e : entries) {
            s.append(e.key()).append('\t').append(e.offset()).append('\n');
        }
        Files.writeString(idx, s, StandardCharsets.UTF_8);
    }
}
