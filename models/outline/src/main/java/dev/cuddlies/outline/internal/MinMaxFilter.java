package dev.cuddlies.outline.internal;

/**
 * Running maximum and minimum over a (2r+1)² square, separable, by van Herk / Gil-Werman: three
 * comparisons per pixel and pass whatever the radius. Edges are clamped.
 */
final class MinMaxFilter {

    private MinMaxFilter() {
    }

    static float[] max(float[] src, int w, int h, int r) {
        return filter(src, w, h, r, true);
    }

    static float[] min(float[] src, int w, int h, int r) {
        return filter(src, w, h, r, false);
    }

    private static float[] filter(float[] src, int w, int h, int r, boolean max) {
        float[] tmp = new float[src.length];
        float[] out = new float[src.length];
        int n = Math.max(w, h);
        float[] line = new float[n + 2 * r];
        float[] g = new float[n + 2 * r];
        float[] hh = new float[n + 2 * r];
        for (int y = 0; y < h; y++) {
            pass(src, y * w, 1, w, r, max, tmp, line, g, hh);
        }
        for (int x = 0; x < w; x++) {
            pass(tmp, x, w, h, r, max, out, line, g, hh);
        }
        return out;
    }

    /** One line of {@code len} values starting at {@code start} with {@code stride}. */
    private static void pass(float[] src, int start, int stride, int len, int r, boolean max, float[] dst,
                             float[] line, float[] g, float[] hh) {
        int k = 2 * r + 1;
        int padded = len + 2 * r;
        for (int i = 0; i < padded; i++) {
            int j = Math.max(0, Math.min(len - 1, i - r));
            line[i] = src[start + j * stride];
        }
        for (int i = 0; i < padded; i++) {
            g[i] = i % k == 0 ? line[i] : pick(g[i - 1], line[i], max);
        }
        for (int i = padded - 1; i >= 0; i--) {
            hh[i] = (i % k == k - 1 || i == padded - 1) ? line[i] : pick(hh[i + 1], line[i], max);
        }
        for (int i = 0; i < len; i++) {
            // window [i, i + 2r] in padded coordinates
            dst[start + i * stride] = pick(hh[i], g[i + 2 * r], max);
        }
    }

    private static float pick(float a, float b, boolean max) {
        return max ? Math.max(a, b) : Math.min(a, b);
    }
}
