package dev.cuddlies.outline.internal;

/**
 * Quantiles of colour distances (0..442 RGB units) by histogram: linear time, and a quarter of a
 * unit is far finer than any threshold needs.
 */
final class Quantile {

    private static final float BIN = 0.25f;
    private static final int BINS = (int) (450 / BIN) + 1;

    private Quantile() {
    }

    /**
     * @param values distances, not modified
     * @param use    which values count; null = all
     * @param q      0..1
     */
    static float of(float[] values, boolean[] use, double q) {
        int[] histogram = new int[BINS];
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (use == null || use[i]) {
                histogram[Math.min(BINS - 1, Math.max(0, (int) (values[i] / BIN)))]++;
                n++;
            }
        }
        if (n == 0) {
            return 0;
        }
        long rank = Math.min(n - 1, (long) Math.floor(q * n));
        long seen = 0;
        for (int b = 0; b < BINS; b++) {
            seen += histogram[b];
            if (seen > rank) {
                return (b + 0.5f) * BIN;
            }
        }
        return (BINS - 0.5f) * BIN;
    }
}
