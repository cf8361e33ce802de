package dev.cuddlies.recordio;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes MXNet RecordIO records; {@link #position()} is the byte offset an {@code .idx} file records. */
public final class RecordIOWriter implements AutoCloseable {

    private static final byte[] ZEROS = new byte[4];

    private final OutputStream out;
    private long position;

    public RecordIOWriter(OutputStream out) {
        this.out = out;
    }

    /** Offset, in bytes from the start of the stream, where the next record begins. */
    public long position() {
        return position;
    }

    /** Writes one record. Data not modified. */
    public void write(byte[] data) throws IOException {
        if (data.length > RecordIO.MAX_LENGTH) {
            throw new IOException("a RecordIO record holds at most " + RecordIO.MAX_LENGTH + " bytes");
        }
        int lowerAligned = data.length & ~3;
        int start = 0;
        for (int i = 0; i < lowerAligned; i += 4) {
            if (readIntLe(data, i) == RecordIO.MAGIC) {
                header(start == 0 ? RecordIO.FIRST : RecordIO.MIDDLE, i - start);
                out.write(data, start, i - start); // aligned: i - start is a multiple of 4
                position += i - start;
                start = i + 4;
            }
        }
        int rest = data.length - start;
        header(start == 0 ? RecordIO.WHOLE : RecordIO.LAST, rest);
        out.write(data, start, rest);
        int padding = RecordIO.padded(data.length) - data.length;
        out.write(ZEROS, 0, padding);
        position += rest + padding;
    }

    private void header(int cflag, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(RecordIO.MAGIC).putInt(RecordIO.encodeLrec(cflag, length));
        out.write(b.array());
        position += 8;
    }

    static int readIntLe(byte[] d, int at) {
        return (d[at] & 0xFF) | (d[at + 1] & 0xFF) << 8 | (d[at + 2] & 0xFF) << 16 | (d[at + 3] & 0xFF) << 24;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
