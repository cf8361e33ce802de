package dev.cuddlies.recordio;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An MXNet image record ({@code mx.recordio.pack_img}): a 24-byte {@code IRHeader} packed as
 * {@code 'IfQQ'} (flag uint32, label float32, id uint64, id2 uint64, little-endian), then, when
 * {@code flag > 0}, {@code flag} float32 labels, then the encoded image.
 *
 * @param labels one label (flag 0, stored in the header) or several (flag = count)
 * @param id     record id
 * @param id2    second id (0 unless a tool sets it)
 * @param image  the encoded picture bytes
 */
public record ImageRecord(float[] labels, long id, long id2, byte[] image) {

    public static final int HEADER_BYTES = 24;

    /** Packs the record as {@code pack_img} does. */
    public byte[] pack() {
        boolean multi = labels.length != 1;
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + (multi ? 4 * labels.length : 0) + image.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(multi ? labels.length : 0);
        b.putFloat(multi ? 0f : labels[0]);
        b.putLong(id);
        b.putLong(id2);
        if (multi) {
            for (float l : labels) {
                b.putFloat(l);
            }
        }
        b.put(image);
        return b.array();
    }

    /** Unpacks a record; refuses one too short for its header and labels. */
    public static ImageRecord unpack(byte[] record) {
        if (record.length < HEADER_BYTES) {
            throw new IllegalArgumentException("the record is too short for an MXNet image header");
        }
        ByteBuffer b = ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN);
        long flag = Integer.toUnsignedLong(b.getInt());
        float label = b.getFloat();
        long id = b.getLong();
        long id2 = b.getLong();
        if (flag > (record.length - HEADER_BYTES) / 4) {
            throw new IllegalArgumentException("the record's label count does not fit in it");
        }
        float[] labels;
        if (flag == 0) {
            labels = new float[] {label};
        } else {
            labels = new float[(int) flag];
            for (int i = 0; i < flag; i++) {
                labels[i] = b.getFloat();
            }
        }
        byte[] image = Arrays.copyOfRange(record, b.position(), record.length);
        return new ImageRecord(labels, id, id2, image);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageRecord r && Arrays.equals(labels, r.labels) && id == r.id && id2 == r.id2
                && Arrays.equals(image, r.image);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(labels) + Long.hashCode(id) + Arrays.hashCode(image);
    }

    @Override
    public String toString() {
        return "ImageRecord[labels=" + Arrays.toString(labels) + ", id=" + id + ", id2=" + id2
                + ", image=" + image.length + " bytes]";
    }
}
