package dev.cuddlies.outline.internal;

/**
 * Reads the EXIF orientation tag (0x0112) of a JPEG and turns a raster upright. Phones store
 * pictures sideways and set this tag instead of rotating the pixels.
 */
public final class ExifOrientation {

    /** Orientation 1: stored upright. */
    public static final int UPRIGHT = 1;

    private static final int TAG_ORIENTATION = 0x0112;

    private ExifOrientation() {
    }

    /** The orientation (1..8) of a JPEG, or {@link #UPRIGHT} when absent or unreadable. Input not modified. */
    public static int read(byte[] jpeg) {
        int pos = 2; // after SOI
        while (pos + 4 <= jpeg.length && (jpeg[pos] & 0xFF) == 0xFF) {
            int marker = jpeg[pos + 1] & 0xFF;
            int length = u16(jpeg, pos + 2, false);
            if (marker == 0xDA || length < 2) {
                break; // start of scan: no more metadata
            }
            int body = pos + 4;
            if (marker == 0xE1 && body + 6 <= jpeg.length && isExifHeader(jpeg, body)) {
                return parseTiff(jpeg, body + 6, Math.min(jpeg.length, pos + 2 + length));
            }
            pos += 2 + length;
        }
        return UPRIGHT;
    }

    private static boolean isExifHeader(byte[] d, int at) {
        return d[at] == 'E' && d[at + 1] == 'x' && d[at + 2] == 'i' && d[at + 3] == 'f' && d[at + 4] == 0;
    }

    private static int parseTiff(byte[] d, int tiff, int end) {
        if (tiff + 8 > end) {
            return UPRIGHT;
        }
        boolean little = d[tiff] == 'I' && d[tiff + 1] == 'I';
        long ifd = tiff + u32(d, tiff + 4, little);
        if (ifd + 2 > end || ifd < tiff) {
            return UPRIGHT;
        }
        int entries = u16(d, (int) ifd, little);
        for (int i = 0; i < entries; i++) {
            int entry = (int) ifd + 2 + i * 12;
            if (entry + 12 > end) {
                break;
            }
            if (u16(d, entry, little) == TAG_ORIENTATION) {
                int value = u16(d, entry + 8, little);
                return value >= 1 && value <= 8 ? value : UPRIGHT;
            }
        }
        return UPRIGHT;
    }

    private static int u16(byte[] d, int at, boolean little) {
        int a = d[at] & 0xFF;
        int b = d[at + 1] & 0xFF;
        return little ? a | b << 8 : a << 8 | b;
    }

    private static long u32(byte[] d, int at, boolean little) {
        long hi = u16(d, little ? at + 2 : at, little);
        long lo = u16(d, little ? at : at + 2, little);
        return hi << 16 | lo;
    }

    /** True when the orientation swaps width and height (5..8). */
    public static boolean swapsSides(int orientation) {
        return orientation >= 5;
    }

    /**
     * Returns the pixels turned upright. Input not modified.
     *
     * @param argb packed pixels, row-major, {@code width * height}
     */
    public static int[] apply(int[] argb, int width, int height, int orientation) {
        if (orientation == UPRIGHT) {
            return argb;
        }
        boolean swap = swapsSides(orientation);
        int outW = swap ? height : width;
        int[] out = new int[argb.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int tx;
                int ty;
                switch (orientation) {
                    case 2 -> { tx = width - 1 - x; ty = y; }
                    case 3 -> { tx = width - 1 - x; ty = height - 1 - y; }
                    case 4 -> { tx = x; ty = height - 1 - y; }
                    case 5 -> { tx = y; ty = x; }
                    case 6 -> { tx = height - 1 - y; ty = x; }
                    case 7 -> { tx = height - 1 - y; ty = width - 1 - x; }
                    case 8 -> { tx = y; ty = width - 1 - x; }
                    default -> { tx = x; ty = y; }
                }
                out[ty * outW + tx] = argb[y * width + x];
            }
        }
        return out;
    }
}
