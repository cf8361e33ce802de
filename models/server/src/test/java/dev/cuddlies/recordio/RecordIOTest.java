package dev.cuddlies.recordio;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Byte vectors computed by hand from dmlc-core's RecordIOWriter::WriteRecord. */
class RecordIOTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void shortRecordIsPaddedToFourBytes() throws IOException {
        assertThat(hex(write(bytes("616263")))).isEqualTo("0a23d7ce" + "03000000" + "616263" + "00");
    }

    @Test
    void alignedRecordHasNoPadding() throws IOException {
        assertThat(hex(write(bytes("01020304")))).isEqualTo("0a23d7ce" + "04000000" + "01020304");
    }

    @Test
    void magicInTheDataSplitsTheRecord() throws IOException {
        // data = 01020304 | magic: first part (cflag 1, length 4), then an empty last part (cflag 3).
        byte[] data = bytes("01020304" + "0a23d7ce");
        assertThat(hex(write(data))).isEqualTo(
                "0a23d7ce" + "04000020" + "01020304"
                        + "0a23d7ce" + "00000060");
        assertThat(read(write(data))).containsExactly(data);
    }

    @Test
    void magicAtTheStartAndMiddleGivesFirstMiddleAndLastParts() throws IOException {
        byte[] data = bytes("0a23d7ce" + "41424344" + "0a23d7ce" + "45");
        String expected = "0a23d7ce" + "00000020"                 // first: empty
                + "0a23d7ce" + "04000040" + "41424344"            // middle: ABCD
                + "0a23d7ce" + "01000060" + "45" + "000000";      // last: E, padded to 16 bytes of data
        assertThat(hex(write(data))).isEqualTo(expected);
        assertThat(read(write(data))).containsExactly(data);
    }

    @Test
    void unalignedMagicDoesNotSplit() throws IOException {
        byte[] data = bytes("00" + "0a23d7ce" + "000000");
        assertThat(hex(write(data))).isEqualTo("0a23d7ce" + "08000000" + "000a23d7ce000000");
    }

    @Test
    void randomRecordsRoundTripWithPositionsForTheIndex() throws IOException {
        Random random = new Random(42);
        List<byte[]> records = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            byte[] r = new byte[random.nextInt(300)];
            random.nextBytes(r);
            if (r.length >= 12 && random.nextBoolean()) {
                System.arraycopy(bytes("0a23d7ce"), 0, r, 4 * random.nextInt(r.length / 4), 4);
            }
            records.add(r);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Long> offsets = new ArrayList<>();
        try (RecordIOWriter w = new RecordIOWriter(out)) {
            for (byte[] r : records) {
                offsets.add(w.position());
                w.write(r);
            }
        }
        byte[] file = out.toByteArray();
        assertThat(read(file)).containsExactlyElementsOf(records);
        // Seeking to an index offset reads that record.
        int k = 137;
        RecordIOReader at = new RecordIOReader(new ByteArrayInputStream(file, offsets.get(k).intValue(),
                file.length), 1 << 20);
        assertThat(at.next()).hasValueSatisfying(r -> assertThat(r).isEqualTo(records.get(k)));
    }

    @Test
    void damagedStreamsAreRefusedInPlainWords() {
        assertThatThrownBy(() -> read(bytes("0a23d7ce0800000041")))
                .hasMessageContaining("ends in the middle of a record");
        assertThatThrownBy(() -> read(bytes("3ed7230a0000000000")))
                .hasMessageContaining("not MXNet RecordIO");
        assertThatThrownBy(() -> read(bytes("0a23d7ce" + "00000060")))
                .hasMessageContaining("unexpected part flag");
        assertThatThrownBy(() -> new RecordIOReader(new ByteArrayInputStream(bytes("0a23d7ce" + "ffffff1f")), 1000).next())
                .hasMessageContaining("larger than the limit");
    }

    @Test
    void imageRecordHeaderIsIfQQLittleEndian() {
        byte[] packed = new ImageRecord(new float[] {2.0f}, 7, 0, bytes("ffd8ff")).pack();
        assertThat(hex(packed)).isEqualTo("00000000" + "00000040" + "0700000000000000" + "0000000000000000" + "ffd8ff");
        assertThat(ImageRecord.unpack(packed)).isEqualTo(new ImageRecord(new float[] {2.0f}, 7, 0, bytes("ffd8ff")));
    }

    @Test
    void multiLabelHeaderCarriesTheCountAndTheLabelsAfterIt() {
        ImageRecord r = new ImageRecord(new float[] {1.0f, 3.0f}, 1, 5, bytes("89504e47"));
        assertThat(hex(r.pack())).isEqualTo("02000000" + "00000000" + "0100000000000000" + "0500000000000000"
                + "0000803f" + "00004040" + "89504e47");
        assertThat(ImageRecord.unpack(r.pack())).isEqualTo(r);
        assertThatThrownBy(() -> ImageRecord.unpack(bytes("ffffff7f" + "00000000" + "0000000000000000" + "0000000000000000")))
                .hasMessageContaining("label count");
    }

    private static byte[] write(byte[] record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordIOWriter w = new RecordIOWriter(out)) {
            w.write(record);
        }
        return out.toByteArray();
    }

    private static List<byte[]> read(byte[] file) throws IOException {
        List<byte[]> records = new ArrayList<>();
        try (RecordIOReader r = new RecordIOReader(new ByteArrayInputStream(file), 1 << 20)) {
            for (Optional<byte[]> next = r.next(); next.isPresent(); next = r.next()) {
                records.add(next.get());
            }
        }
        return records;
    }

    private static byte[] bytes(String hex) {
        return HEX.parseHex(hex);
    }

    private static String hex(byte[] b) {
        return HEX.formatHex(b);
    }
}
