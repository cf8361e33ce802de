package dev.cuddlies.records;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecordReadersTest {

    @Test
    void aLineLongerThanTheLimitIsAnErrorRecordAndReadingGoesOn() {
        String input = "{\"image\":\"" + "A".repeat(10_000) + "\"}\n{\"source-ref\":\"x.png\"}\n";
        Iterator<InputRecord> it = RecordReaders.jsonLines(
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), SourceResolver.none(), 1_000);

        List<InputRecord> records = new ArrayList<>();
        it.forEachRemaining(records::add);

        assertThat(records).hasSize(2);
        assertThat(records.get(0).error().code()).isEqualTo("record_too_large");
        assertThat(records.get(0).error().message()).contains("line 1 is longer than the limit of 1000 characters");
        assertThat(records.get(1).echo().get("line").asInt()).isEqualTo(2);
        assertThat(records.get(1).error().code()).isEqualTo("unresolvable_source");
    }

    @Test
    void recordsAreCountedWithoutBeingRead() {
        assertThat(RecordReaders.countJsonLines("a\n\n  \nb\r\nc".getBytes(StandardCharsets.UTF_8))).isEqualTo(3);
        assertThat(RecordReaders.countRecordIO(new byte[0])).isZero();
        assertThat(RecordReaders.countRecordIO("not recordio".getBytes(StandardCharsets.UTF_8))).isEqualTo(1);
    }
}
