package dev.cuddlies.outline.internal;

/**
 * Dilation and erosion of 0/1 masks by a square, separable and O(1) per pixel whatever the radius
 * (running counts along rows, then columns), within a region of interest.
 */
final class BinaryMorphology {

    private BinaryMorphology() {
    }

    /** A copy of {@code mask} dilated by a (2r+1)² square inside {@code x0..x1-1, y0..y1-1}; zero outside. */
    static byte[] dilate(byte[] mask, int w, int h, int r, int x0, int y0, int x1, int y1) {
        return filter(mask, w, h, r, x0, y0, x1, y1, true);
    }

    /** A copy of {@code mask} eroded by a (2r+1)² square inside the region (outside the region counts as 0). */
    static byte[] erode(byte[] mask, int w, int h, int r, int x0, int y0, int x1, int y1) {
        return filter(mask, w, h, r, x0, y0, x1, y1, false);
    }

    private static byte[] filter(byte[] mask, int w, int h, int r, int x0, int y0, int x1, int y1, boolean dilate) {
        byte[] rows = new byte[mask.length];
        int[] count = new int[Math.max(x1 - x0, y1 - y0) + 1];
        int full = 2 * r + 1;
        for (int y = y0; y < y1; y++) {
            int o = y * w;
            count[0] = 0;
            for (int x = x0; x < x1; x++) {
                count[x - x0 + 1] = count[x - x0] + mask[o + x];
            }
            for (int x = x0; x < x1; x++) {
                int a = Math.max(x0, x - r);
                int b = Math.min(x1 - 1, x + r);
                int n = count[b - x0 + 1] - count[a - x0];
                rows[o + x] = (byte) (dilate ? (n > 0 ? 1 : 0) : (n == full ? 1 : 0));
            }
        }
        byte[] out = new byte[mask.length];
        for (int x = x0; x < x1; x++) {
            count[0] = 0;
            for (int y = y0; y < y1; y++) {
                count[y - y0 + 1] = count[y - y0] + rows[y * w + x];
            }
            for (int y = y0; y < y1; y++) {
                int a = Math.max(y0, y - r);
                int b = Math.min(y1 - 1, y + r);
                int n = count[b - y0 + 1] - count[a - y0];
                out[y * w + x] = (byte) (dilate ? (n > 0 ? 1 : 0) : (n == full ? 1 : 0));
            }
        }
        return out;
    }
}
