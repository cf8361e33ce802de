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

    private double[][] terms;

    int size() {
        return xs.length;
    }

    /**
     * Polynomial terms of every sample up to {@link BackgroundModel#MAX_DEGREE}, computed once:
     * terms are ordered by degree, so a lower-degree fit reads a prefix of each row.
     */
    double[][] terms(int width, int height) {
        if (terms == null) {
            double[][] t = new double[xs.length][BackgroundModel.termCount(BackgroundModel.MAX_DEGREE)];
            for (int i = 0; i < xs.length; i++) {
                double u = width <= 1 ? 0 : 2.0 * xs[i] / (width - 1) - 1;
                double v = height <= 1 ? 0 : 2.0 * ys[i] / (height - 1) - 1;
                BackgroundModel.terms(u, v, BackgroundModel.MAX_DEGREE, t[i]);
            }
            terms = t;
        }
        return terms;
    }

    /** About {@code target} pixels spread evenly over a band along the four edges. */
    static Samples border(int w, int h, int target, Colours channels) {
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
     * Background pixels on a regular grid: the grid's colour distances to {@code model} are
     * thresholded with hysteresis, as the full picture later is, and grid points that are not
     * figure and lie well below {@code low} are kept. One grid point in {@code step}² pixels.
     */
    /**
     * The coarse pass's result: background samples, and the region that holds everything that is not
     * plainly background (with a margin), where the full-resolution work is needed.
     */
    record Coarse(Samples background, int x0, int y0, int x1, int y1) {
    }

    static Coarse coarseBackground(int w, int h, int step, Colours channels, BackgroundModel model,
                                   float low, float high) {
        int gw = (w + step - 1) / step;
        int gh = (h + step - 1) / step;
        float[] distance = new float[gw * gh];
        double[] terms = new double[BackgroundModel.termCount(3)];
        float[] bg = new float[3];
        for (int gy = 0; gy < gh; gy++) {
            for (int gx = 0; gx < gw; gx++) {
                int x = Math.min(w - 1, gx * step + step / 2);
                int y = Math.min(h - 1, gy * step + step / 2);
                model.predict(x, y, terms, bg);
                int p = y * w + x;
                float dr = channels.channel(0, p) - bg[0];
                float dg = channels.channel(1, p) - bg[1];
                float db = channels.channel(2, p) - bg[2];
                distance[gy * gw + gx] = (float) Math.sqrt(dr * dr + dg * dg + db * db);
            }
        }
        byte[] figure = Hysteresis.apply(distance, gw, gh, low, high);
        IntList xs = new IntList();
        IntList ys = new IntList();
        int minGx = gw;
        int minGy = gh;
        int maxGx = -1;
        int maxGy = -1;
        for (int gy = 0; gy < gh; gy++) {
            for (int gx = 0; gx < gw; gx++) {
                int g = gy * gw + gx;
                if (figure[g] == 0 && distance[g] < low * 0.5f) {
                    xs.add(Math.min(w - 1, gx * step + step / 2));
                    ys.add(Math.min(h - 1, gy * step + step / 2));
                } else {
                    minGx = Math.min(minGx, gx);
                    minGy = Math.min(minGy, gy);
                    maxGx = Math.max(maxGx, gx);
                    maxGy = Math.max(maxGy, gy);
                }
            }
        }
        // Thin parts can fall between grid points: a generous margin keeps them inside the region.
        int margin = ROI_MARGIN_CELLS * step + Math.max(w, h) / 50;
        int x0 = Math.max(0, minGx * step - margin);
        int y0 = Math.max(0, minGy * step - margin);
        int x1 = maxGx < 0 ? 0 : Math.min(w, (maxGx + 1) * step + margin);
        int y1 = maxGy < 0 ? 0 : Math.min(h, (maxGy + 1) * step + margin);
        return new Coarse(of(xs, ys, channels, w), x0, y0, x1, y1);
    }

    private static final int ROI_MARGIN_CELLS = 3;

    private static Samples of(IntList xs, IntList ys, Colours channels, int w) {
        int n = xs.size();
        int[] x = xs.toArray();
        int[] y = ys.toArray();
        float[][] rgb = new float[n][3];
        for (int i = 0; i < n; i++) {
            int p = y[i] * w + x[i];
            rgb[i][0] = channels.channel(0, p);
            rgb[i][1] = channels.channel(1, p);
            rgb[i][2] = channels.channel(2, p);
        }
        return new Samples(x, y, rgb);
    }
}
