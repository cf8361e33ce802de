package dev.cuddlies.outline.internal;

/** Pixel positions and colours used to fit a {@link BackgroundModel}. */
final class Samples {

    final int[] xs;
    final int[] ys;
    final float[][] rgb;

    private Samples(int[] xs, int[] ys, float[][] rgb) {
        this.xs = xs;
        this.ys = ys;
        this.rgb = rgb;
    }

    int size() {
        return xs.length;
    }

    /** About {@code target} pixels spread evenly over a band along the four edges. */
    static Samples border(int w, int h, int target, float[][] channels) {
        int band = Math.max(2, Math.min(w, h) / 60);
        long bandPixels = 2L * band * w + 2L * band * Math.max(0, h - 2 * band);
        int step = (int) Math.max(1, Math.round(Math.sqrt((double) bandPixels / target)));
        IntList xs = new IntList();
        IntList ys = new IntList();
        for (int y = 0; y < h; y += step) {
            boolean edgeRow = y < band || y >= h - band;
            for (int x = 0; x < w; x += edgeRow ? step : 1) {
                if (!edgeRow && x >= band && x < w - band) {
                    x = w - band - 1;
                    continue;
                }
                xs.add(x);
                ys.add(y);
            }
        }
        // Sides: thin the interior-row samples to the same step vertically.
        return of(xs, ys, channels, w);
    }

    /**
     * A regular grid of background pixels: outside the figure mask and below {@code maxDistance}
     * from the current background surface.
     */
    static Samples grid(int w, int h, int target, float[][] channels, byte[] inside, float[] distance,
                        float maxDistance) {
        int step = (int) Math.max(1, Math.round(Math.sqrt((double) w * h / target)));
        IntList xs = new IntList();
        IntList ys = new IntList();
        for (int y = step / 2; y < h; y += step) {
            for (int x = step / 2; x < w; x += step) {
                int i = y * w + x;
                if (inside[i] == 0 && distance[i] < maxDistance) {
                    xs.add(x);
                    ys.add(y);
                }
            }
        }
        return of(xs, ys, channels, w);
    }

    private static Samples of(IntList xs, IntList ys, float[][] channels, int w) {
        int n = xs.size();
        int[] x = xs.toArray();
        int[] y = ys.toArray();
        float[][] rgb = new float[n][3];
        for (int i = 0; i < n; i++) {
            int p = y[i] * w + x[i];
            rgb[i][0] = channels[0][p];
            rgb[i][1] = channels[1][p];
            rgb[i][2] = channels[2][p];
        }
        return new Samples(x, y, rgb);
    }
}
