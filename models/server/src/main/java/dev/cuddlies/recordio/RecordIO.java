package dev.cuddlies.recordio;

/**
 * MXNet (dmlc-core) RecordIO framing. Each record is written as one or more parts:
 * {@code uint32 magic, uint32 lrec, data, zero padding to 4 bytes}, little-endian, where
 * {@code lrec = cflag << 29 | length}. Where the magic number occurs in the data at a 4-byte aligned
 * offset, the writer drops those four bytes and splits the record there (cflag 1 = first part,
 * 2 = middle, 3 = last; 0 = whole record); the reader puts the magic back between parts.
 *
 * <p>The magic is {@code 0xced7230a} (dmlc-core {@code RecordIOWriter::kMagic}); {@code 0x3ed7230a}
 * belongs to Google's protobuf RecordWriter, a different format.
 */
public final class RecordIO {

    public static final int MAGIC = 0xced7230a;
    /** Bits of {@code lrec} that hold the length; the top three hold cflag. */
    public static final int LENGTH_BITS = 29;
    public static final int MAX_LENGTH = (1 << LENGTH_BITS) - 1;

    static final int WHOLE = 0;
    static final int FIRST = 1;
    static final int MIDDLE = 2;
    static final int LAST = 3;

    private RecordIO() {
    }

    static int encodeLrec(int cflag, int length) {
        return cflag << LENGTH_BITS | length;
    }

    static int cflag(int lrec) {
        return lrec >>> LENGTH_BITS & 7;
    }

    static int length(int lrec) {
        return lrec & MAX_LENGTH;
    }

    static int padded(int length) {
        return (length + 3) & ~3;
    }
}
