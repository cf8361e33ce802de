package dev.cuddlies.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuddlies.records.InputRecord;
import dev.cuddlies.records.SourceResolver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** An im2rec listing: {@code index \t label [\t label…] \t path} per line, paths relative to the file. */
public final class LstFile {

    /** One listed picture. */
    public record Entry(long index, float[] labels, String path) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private LstFile() {
    }

    /** @throws IOException naming the first malformed line */
    public static List<Entry> read(Path lst) throws IOException {
        List<Entry> entries = new ArrayList<>();
        int number = 0;
        for (String line : Files.readAllLines(lst, StandardCharsets.UTF_8)) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length < 3) {
                throw new IOException(lst.getFileName() + " line " + number + ": expected index, label(s) and path "
                        + "separated by tabs");
            }
            try {
                float[] labels = new float[f.length - 2];
                for (int i = 1; i < f.length - 1; i++) {
                    labels[i - 1] = Float.parseFloat(f[i]);
                }
                entries.add(new Entry((long) Double.parseDouble(f[0]), labels, f[f.length - 1]));
            } catch (NumberFormatException e) {
                throw new IOException(lst.getFileName() + " line " + number + ": index and labels must be numbers");
            }
        }
        return entries;
    }

    public static void write(Path lst, List<Entry> entries) throws IOException {
        StringBuilder s = new StringBuilder();
        for (Entry e : entries) {
            s.append(e.index());
            for (float l : e.labels()) {
                s.append('\t').append(l);
            }
            s.append('\t').append(e.path()).append('\n');
        }
        Files.writeString(lst, s, StandardCharsets.UTF_8);
    }

    /**
     * The listing as records, each echoing its index, label(s) and path; each picture is read only
     * when its record is reached, so a long listing never holds more than one.
     */
    public static Iterator<InputRecord> records(Path lst, long maxBytes) throws IOException {
        SourceResolver resolver = SourceResolver.under(lst.toAbsolutePath().getParent(), maxBytes);
        Iterator<Entry> entries = read(lst).iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public InputRecord next() {
                return record(entries.next(), resolver);
            }
        };
    }

    private static InputRecord record(Entry e, SourceResolver resolver) {
        ObjectNode echo = MAPPER.createObjectNode();
        echo.put("id", e.index());
        if (e.labels().length == 1) {
            echo.put("label", e.labels()[0]);
        } else {
            var a = echo.putArray("label");
            for (float l : e.labels()) {
                a.add(l);
            }
        }
        echo.put("source-ref", e.path());
        try {
            return InputRecord.of(echo, resolver.resolve(e.path()));
        } catch (IOException x) {
            return InputRecord.failed(echo, "unresolvable_source", x.getMessage());
        }
    }
}
