package dev.cuddlies.outline.drawings;

import java.util.Random;

/** Seeded value noise: smooth random fields for paper grain, crayon texture, light and folds. */
final class Noise {

    private Noise() {
    }

    /**
     * A w x h field in [0, 1]: random values on a grid of {@code cellPx} cells, bilinearly interpolated
     * (cellPx 1 = white noise).
     */
    static float[] field(int w, int h, double cellPx, Random random) {
        int gw = (int) Math.ceil(w / cellPx) + 2;
        int gh = (int) Math.ceil(h / cellPx) + 2;
        float[] grid = new float[gw * gh];
        for (int i = 0; i < grid.length; i++) {
            grid[i] = random.nextFloat();
        }
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            double gy = y / cellPx;
            int y0 = (int) gy;
            float fy = smooth((float) (gy - y0));
            for (int x = 0; x < w; x++) {
                double gx = x / cellPx;
                int x0 = (int) gx;
                float fx = smooth((float) (gx - x0));
                float a = grid[y0 * gw + x0];
                float b = grid[y0 * gw + x0 + 1];
                float c = grid[(y0 + 1) * gw + x0];
                float d = grid[(y0 + 1) * gw + x0 + 1];
                out[y * w + x] = (a + (b - a) * fx) * (1 - fy) + (c + (d - c) * fx) * fy;
            }
        }
        return out;
    }

    private static float smooth(float t) {
        return t * t * (3 - 2 * t);
    }

    static double between(Random r, double lo, double hi) {
        return lo + (hi - lo) * r.nextDouble();
    }

    static int between(Random r, int lo, int hiInclusive) {
        return lo + r.nextInt(hiInclusive - lo + 1);
    }

    static <T> T pick(Random r, T[] options) {
        return options[r.nextInt(options.length)];
    }
}
