package dev.cuddlies.recordio;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Reads MXNet RecordIO records, joining split parts and putting the magic number back between them. */
public final class RecordIOReader implements AutoCloseable {

    private final InputStream in;
    private final long maxRecordBytes;
    private long position;

    /**
     * @param maxRecordBytes a record larger than this is refused (so a damaged length cannot
     *                       allocate gigabytes)
     */
    public RecordIOReader(InputStream in, long maxRecordBytes) {
        this.in = in;
        this.maxRecordBytes = maxRecordBytes;
    }

    /** Offset of the next record from the start of the stream. */
    public long position() {
        return position;
    }

    /**
     * @return the next record, or empty at a clean end of the stream
     * @throws IOException with a plain message when the stream is not RecordIO or ends mid-record
     */
    public Optional<byte[]> next() throws IOException {
        ByteArrayOutputStream record = null;
        while (true) {
            byte[] header = new byte[8];
            int got = in.readNBytes(header, 0, 8);
            if (got == 0 && record == null) {
                return Optional.empty();
            }
            if (got < 8) {
                throw new EOFException("the RecordIO data ends in the middle of a record");
            }
            position += 8;
            if (RecordIOWriter.readIntLe(header, 0) != RecordIO.MAGIC) {
                throw new IOException("not MXNet RecordIO data (bad magic number at byte " + (position - 8) + ")");
            }
            int lrec = RecordIOWriter.readIntLe(header, 4);
            int cflag = RecordIO.cflag(lrec);
            int length = RecordIO.length(lrec);
            if (cflag > RecordIO.LAST || (record == null) != (cflag == RecordIO.WHOLE || cflag == RecordIO.FIRST)) {
                throw new IOException("damaged RecordIO data (unexpected part flag " + cflag + ")");
            }
            if ((record == null ? 0 : record.size()) + (long) length > maxRecordBytes) {
                throw new IOException("a RecordIO record is larger than the limit of " + maxRecordBytes + " bytes");
            }
            int padded = RecordIO.padded(length);
            byte[] data = in.readNBytes(padded);
            if (data.length < padded) {
                throw new EOFException("the RecordIO data ends in the middle of a record");
            }
            position += padded;
            if (cflag == RecordIO.WHOLE) {
                return Optional.of(length == padded ? data : java.util.Arrays.copyOf(data, length));
            }
            if (record == null) {
                record = new ByteArrayOutputStream(Math.max(64, length * 2));
            }
            record.write(data, 0, length);
            if (cflag == RecordIO.LAST) {
                return Optional.of(record.toByteArray());
            }
            record.write(new byte[] {0x0a, 0x23, (byte) 0xd7, (byte) 0xce}); // the magic, little-endian
        }
    }

    /**
     * Records framed in a payload, without copying any: whole records and last parts count, and
     * counting stops at the first header that is not RecordIO or runs past the end. Input not modified.
     */
    public static int countRecords(byte[] payload) {
        int count = 0;
        long at = 0;
        while (at + 8 <= payload.length) {
            if (RecordIOWriter.readIntLe(payload, (int) at) != RecordIO.MAGIC) {
                return count + 1; // the reader answers the damage with one error record
            }
            int lrec = RecordIOWriter.readIntLe(payload, (int) at + 4);
            int cflag = RecordIO.cflag(lrec);
            if (cflag == RecordIO.WHOLE || cflag == RecordIO.LAST) {
                count++;
            }
            at += 8 + RecordIO.padded(RecordIO.length(lrec));
        }
        return at == payload.length ? count : count + 1;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
