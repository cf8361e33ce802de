package dev.cuddlies.outline.internal;

/**
 * Finds pen, pencil and crayon strokes by local contrast at stroke scale, not by a colour difference
 * from a global background: in the darkest channel (any ink on paper darkens at least one: light
 * blue the red, pink the green, yellow the blue), a grey closing wider than a stroke gives the paper
 * around each pixel, and the stroke is how much darker the pixel is. Thresholds come from the
 * picture's own paper texture, so faint strokes count where the paper is smooth.
 */
final class StrokeDetector {

    /** Closing radius: strokes up to about twice this wide are found, px. */
    private static final int PAPER_RADIUS_PX = 6;
    private static final float MIN_LOW = 5f;
    private static final float MIN_HIGH = 12f;

    private StrokeDetector() {
    }

    /** A 0/1 mask of strokes inside the region {@code x0..x1-1, y0..y1-1}. Input not modified. */
    static byte[] strokes(int[] rgb, int w, int h, int x0, int y0, int x1, int y1) {
        int rw = x1 - x0;
        int rh = y1 - y0;
        float[] dark = new float[rw * rh];
        for (int y = 0; y < rh; y++) {
            for (int x = 0; x < rw; x++) {
                int p = rgb[(y + y0) * w + x + x0];
                dark[y * rw + x] = Math.min((p >> 16) & 0xFF, Math.min((p >> 8) & 0xFF, p & 0xFF));
            }
        }
        float[] smooth = BoxBlur.blur(dark, rw, rh, 1); // paper grain and sensor noise
        float[] paper = MinMaxFilter.min(MinMaxFilter.max(smooth, rw, rh, PAPER_RADIUS_PX), rw, rh, PAPER_RADIUS_PX);
        float[] contrast = new float[rw * rh];
        for (int i = 0; i < contrast.length; i++) {
            contrast[i] = Math.max(0, paper[i] - smooth[i]);
        }
        float median = Quantile.of(contrast, null, 0.5);
        float spread = Math.max(0.5f, Quantile.of(contrast, null, 0.75) - median);
        float low = Math.max(MIN_LOW, median + 4 * spread);
        float high = Math.max(MIN_HIGH, median + 9 * spread);
        byte[] inRegion = Hysteresis.apply(contrast, rw, rh, low, high);
        byte[] out = new byte[w * h];
        for (int y = 0; y < rh; y++) {
            System.arraycopy(inRegion, y * rw, out, (y + y0) * w + x0, rw);
        }
        return out;
    }
}
