package dev.cuddlies.outline.internal;

/** Separable box blur with clamped edges, O(pixels) whatever the radius. */
final class BoxBlur {

    private BoxBlur() {
    }

    /** Returns a blurred copy (or the input itself when radius is 0). Input not modified. */
    static float[] blur(float[] src, int w, int h, int radius) {
        if (radius <= 0) {
            return src;
        }
        float[] tmp = new float[src.length];
        float[] out = new float[src.length];
        float norm = 1f / (2 * radius + 1);
        for (int y = 0; y < h; y++) {
            int o = y * w;
            float sum = 0;
            for (int k = -radius; k <= radius; k++) {
                sum += src[o + clamp(k, w)];
            }
            for (int x = 0; x < w; x++) {
                tmp[o + x] = sum * norm;
                sum += src[o + clamp(x + radius + 1, w)] - src[o + clamp(x - radius, w)];
            }
        }
        for (int x = 0; x < w; x++) {
            float sum = 0;
            for (int k = -radius; k <= radius; k++) {
                sum += tmp[clamp(k, h) * w + x];
            }
            for (int y = 0; y < h; y++) {
                out[y * w + x] = sum * norm;
                sum += tmp[clamp(y + radius + 1, h) * w + x] - tmp[clamp(y - radius, h) * w + x];
            }
        }
        return out;
    }

    private static int clamp(int i, int n) {
        return i < 0 ? 0 : i >= n ? n - 1 : i;
    }
}
