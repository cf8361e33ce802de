package dev.cuddlies.outline.internal;

import dev.cuddlies.outline.ImageFormat;

import java.util.zip.CRC32;

/**
 * Structural checks made before decoding, where decoders are more lenient than the browsers and
 * libraries a parent's picture was checked with: the JDK's PNG reader never looks at chunk CRCs, and a
 * JPEG reader's warnings mix harmless notes (a CMYK picture without a colour profile) with truncation.
 */
final class StreamIntegrity {

    private static final long PNG_SIGNATURE_LENGTH = 8;

    private StreamIntegrity() {
    }

    /** True when the bytes look whole for their format. Input not modified. */
    static boolean looksWhole(ImageFormat format, byte[] bytes) {
        return switch (format) {
            case PNG -> pngCriticalChunksIntact(bytes);
            case JPEG -> jpegHasEndOfImage(bytes);
            default -> true;
        };
    }

    /**
     * Every critical chunk (IHDR, PLTE, IDAT, IEND: an upper-case first letter) has a correct CRC, as
     * libpng requires; a damaged ancillary chunk is skipped there, so it is not checked here either.
     * A chunk running past the end of the file is a truncated picture.
     */
    static boolean pngCriticalChunksIntact(byte[] png) {
        long pos = PNG_SIGNATURE_LENGTH;
        CRC32 crc = new CRC32();
        while (pos + 12 <= png.length) {
            long length = u32(png, (int) pos);
            long end = pos + 12 + length;
            if (end > png.length) {
                return false;
            }
            int type = (int) pos + 4;
            boolean critical = (png[type] & 0x20) == 0;
            if (critical) {
                crc.reset();
                crc.update(png, type, (int) (4 + length));
                if (crc.getValue() != u32(png, (int) (end - 4))) {
                    return false;
                }
            }
            if (png[type] == 'I' && png[type + 1] == 'E' && png[type + 2] == 'N' && png[type + 3] == 'D') {
                return true;
            }
            pos = end;
        }
        return false; // no IEND: cut short
    }

    /**
     * A JPEG ends with an EOI marker (FF D9) after its scans. Inside entropy-coded data an FF byte is
     * always followed by 00 or a restart marker, so FF D9 after the first scan header is the end.
     */
    static boolean jpegHasEndOfImage(byte[] jpeg) {
        int pos = 2; // after SOI
        while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
            int marker = jpeg[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++; // fill byte
                continue;
            }
            int length = ((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF);
            if (marker == 0xDA) {
                return containsEoi(jpeg, pos + 2 + length);
            }
            pos += 2 + length;
        }
        return false;
    }

    private static boolean containsEoi(byte[] d, int from) {
        for (int i = Math.max(0, from); i + 1 < d.length; i++) {
            if (d[i] == (byte) 0xFF && d[i + 1] == (byte) 0xD9) {
                return true;
            }
        }
        return false;
    }

    private static long u32(byte[] d, int at) {
        return ((long) (d[at] & 0xFF) << 24) | ((d[at + 1] & 0xFF) << 16) | ((d[at + 2] & 0xFF) << 8) | (d[at + 3] & 0xFF);
    }
}
