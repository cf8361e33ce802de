package dev.cuddlies.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuddlies.recordio.ImageRecord;
import dev.cuddlies.recordio.RecordIOReader;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Splits multi-record inputs into {@link InputRecord}s, lazily, so a large file is never held whole:
 * JSON Lines ({@code {"image":"<base64>"}} or {@code {"source-ref":"…"}}, other fields echoed; an
 * augmented manifest is the same shape) and MXNet RecordIO image records. A record that cannot be read
 * becomes an error record; reading goes on with the next one wherever the framing allows.
 */
public final class RecordReaders {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RecordReaders() {
    }

    /**
     * @param maxLineChars a longer line becomes an error record and is skipped without being held
     *                     (a file with no newline at all cannot fill the memory)
     */
    public static Iterator<InputRecord> jsonLines(InputStream in, SourceResolver resolver, long maxLineChars) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return new Iterator<>() {
            private String line;
            private boolean tooLong;
            private int number = 1;

            {
                advance();
            }

            private void advance() {
                try {
                    do {
                        readLine();
                    } while (line != null && !tooLong && line.isBlank());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            private void readLine() throws IOException {
                StringBuilder b = new StringBuilder();
                tooLong = false;
                int c;
                while ((c = reader.read()) >= 0 && c != '\n') {
                    if (b.length() < maxLineChars) {
                        b.append((char) c);
                    } else {
                        tooLong = true;
                    }
                }
                if (c < 0 && b.length() == 0 && !tooLong) {
                    line = null;
                    return;
                }
                line = tooLong ? "" : b.toString();
            }

            @Override
            public boolean hasNext() {
                return line != null;
            }

            @Override
            public InputRecord next() {
                if (line == null) {
                    throw new NoSuchElementException();
                }
                InputRecord r;
                if (tooLong) {
                    ObjectNode echo = MAPPER.createObjectNode();
                    echo.put("line", number);
                    r = InputRecord.failed(echo, "record_too_large",
                            "line " + number + " is longer than the limit of " + maxLineChars + " characters");
                } else {
                    r = parseLine(line, number, resolver);
                }
                advance();
                number++;
                return r;
            }
        };
    }

    /** Lines holding more than blanks, as {@link #jsonLines} would count them. Input not modified. */
    public static int countJsonLines(byte[] payload) {
        int count = 0;
        boolean content = false;
        for (byte b : payload) {
            if (b == '\n') {
                if (content) {
                    count++;
                }
                content = false;
            } else if (b != ' ' && b != '\t' && b != '\r') {
                content = true;
            }
        }
        return content ? count + 1 : count;
    }

    /**
     * Records in a RecordIO payload, counted from the framing alone (a record split into parts counts
     * once); counting stops where the framing is damaged, as reading would. Input not modified.
     */
    public static int countRecordIO(byte[] payload) {
        return RecordIOReader.countRecords(payload);
    }

    static InputRecord parseLine(String line, int number, SourceResolver resolver) {
        ObjectNode echo = MAPPER.createObjectNode();
        echo.put("line", number);
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            return InputRecord.failed(echo, "bad_record", "line " + number + " is not JSON");
        }
        if (!(node instanceof ObjectNode object)) {
            return InputRecord.failed(echo, "bad_record", "line " + number + " is not a JSON object");
        }
        object.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("image")) {
                echo.set(f.getKey(), f.getValue());
            }
        });
        JsonNode image = object.get("image");
        JsonNode ref = object.has("source-ref") ? object.get("source-ref") : object.get("source");
        if (image != null && image.isTextual()) {
            try {
                return InputRecord.of(echo, Base64.getMimeDecoder().decode(image.asText()));
            } catch (IllegalArgumentException e) {
                return InputRecord.failed(echo, "bad_record", "line " + number + ": \"image\" is not base64");
            }
        }
        if (ref != null && ref.isTextual()) {
            try {
                return InputRecord.of(echo, resolver.resolve(ref.asText()));
            } catch (IOException e) {
                return InputRecord.failed(echo, "unresolvable_source", e.getMessage());
            }
        }
        return InputRecord.failed(echo, "bad_record",
                "line " + number + " has neither \"image\" (base64) nor \"source-ref\"");
    }

    /** MXNet image records; the echo carries the record's id and label(s). */
    public static Iterator<InputRecord> recordIO(InputStream in, long maxRecordBytes) {
        RecordIOReader reader = new RecordIOReader(in, maxRecordBytes);
        return new Iterator<>() {
            private int index;
            private boolean framingLost;

            private InputRecord next;

            {
                next = read();
            }

            private InputRecord read() {
                ObjectNode echo = MAPPER.createObjectNode();
                echo.put("record", index++);
                try {
                    Optional<byte[]> raw = reader.next();
                    if (raw.isEmpty()) {
                        return null;
                    }
                    return imageRecord(raw.get(), echo);
                } catch (IOException e) {
                    // Framing is lost: nothing after this point can be found reliably.
                    framingLost = true;
                    return InputRecord.failed(echo, "bad_recordio", e.getMessage());
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
                InputRecord r = next;
                next = framingLost ? null : read();
                return r;
            }
        };
    }

    /** An MXNet image record as an input record echoing its id and label(s); a bad header is an error record. */
    public static InputRecord imageRecord(byte[] raw, ObjectNode echo) {
        ImageRecord record;
        try {
            record = ImageRecord.unpack(raw);
        } catch (IllegalArgumentException e) {
            return InputRecord.failed(echo, "bad_record", e.getMessage());
        }
        echo.put("id", record.id());
        if (record.labels().length == 1) {
            echo.put("label", record.labels()[0]);
        } else {
            var labels = echo.putArray("label");
            for (float l : record.labels()) {
                labels.add(l);
            }
        }
        return InputRecord.of(echo, record.image());
    }

    public static Iterator<InputRecord> recordIO(byte[] payload, long maxRecordBytes) {
        return recordIO(new ByteArrayInputStream(payload), maxRecordBytes);
    }
}
