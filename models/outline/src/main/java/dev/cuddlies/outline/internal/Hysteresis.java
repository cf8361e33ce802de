package dev.cuddlies.outline.internal;

/** Hysteresis thresholding: regions above {@code low} are kept when they reach above {@code high}. */
final class Hysteresis {

    private Hysteresis() {
    }

    /**
     * Returns a mask (1 = kept). Input not modified.
     *
     * <p>Everything above {@code high} is kept in one pass; only the band between the thresholds is
     * flood-filled, starting from band pixels that touch kept ones. The band is thin (anti-aliased
     * edges, faint parts), so the fill visits few pixels.
     */
    static byte[] apply(float[] value, int w, int h, float low, float high) {
        return apply(value, w, h, low, high, 0, 0, w, h);
    }

    /** The same, for values that are zero outside {@code x0..x1-1, y0..y1-1}: only that region is scanned. */
    static byte[] apply(float[] value, int w, int h, float low, float high, int x0, int y0, int x1, int y1) {
        byte[] out = new byte[value.length];
        for (int y = y0; y < y1; y++) {
            int row = y * w;
            for (int x = x0; x < x1; x++) {
                if (value[row + x] > high) {
                    out[row + x] = 1;
                }
            }
        }
        IntList stack = new IntList();
        for (int y = y0; y < y1; y++) {
            int row = y * w;
            for (int x = x0; x < x1; x++) {
                int i = row + x;
                if (out[i] == 0 && value[i] > low && touchesKept(out, x, y, w, h)) {
                    out[i] = 1;
                    stack.add(i);
                    fill(value, out, w, h, low, stack);
                }
            }
        }
        return out;
    }

    private static boolean touchesKept(byte[] out, int x, int y, int w, int h) {
        int y0 = Math.max(0, y - 1);
        int y1 = Math.min(h - 1, y + 1);
        int x0 = Math.max(0, x - 1);
        int x1 = Math.min(w - 1, x + 1);
        for (int ny = y0; ny <= y1; ny++) {
            int row = ny * w;
            for (int nx = x0; nx <= x1; nx++) {
                if (out[row + nx] != 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void fill(float[] value, byte[] out, int w, int h, float low, IntList stack) {
        while (!stack.isEmpty()) {
            int p = stack.pop();
            int x = p % w;
            int y = p / w;
            int y0 = Math.max(0, y - 1);
            int y1 = Math.min(h - 1, y + 1);
            int x0 = Math.max(0, x - 1);
            int x1 = Math.min(w - 1, x + 1);
            for (int ny = y0; ny <= y1; ny++) {
                int row = ny * w;
                for (int nx = x0; nx <= x1; nx++) {
                    int q = row + nx;
                    if (out[q] == 0 && value[q] > low) {
                        out[q] = 1;
                        stack.add(q);
                    }
                }
            }
        }
    }
}
