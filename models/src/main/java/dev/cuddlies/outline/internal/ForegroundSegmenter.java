package dev.cuddlies.outline.internal;

import dev.cuddlies.outline.OutlineException;
import dev.cuddlies.outline.OutlineException.Reason;

import java.util.Arrays;

/**
 * Separates the figure from the background, pixel by pixel.
 *
 * <p>With real transparency the alpha channel is the answer. Otherwise the background is modelled
 * as a smooth colour surface fitted robustly to the picture's border (so a figure crossing the edge
 * is voted out), then refitted to everything that is not figure. A pixel belongs to the figure when
 * its colour differs from the background there: ink lines and flat fills are both "different", so
 * lines inside the figure never split it, and a global grey-level threshold is never used (it locks
 * onto eyes and ink and loses white or pastel figures). Hysteresis keeps faint parts that touch
 * clear ones; a final peel applies the half-contrast rule at anti-aliased edges.
 */
final class ForegroundSegmenter {

    /** Smallest colour distance (0..441, RGB units) that can count as figure. */
    private static final float MIN_LOW_THRESHOLD = 12f;
    /** Figure seeds must differ at least this much from the background (RGB units). */
    private static final float MIN_HIGH_THRESHOLD = 40f;
    /** Share of border samples that must look like one smooth background. */
    private static final double MIN_BORDER_INLIERS = 0.35;
    private static final int BORDER_SAMPLES = 8000;
    private static final int INTERIOR_SAMPLES = 40_000;

    /** A binary mask at working resolution; {@code inside[y * width + x]} is 1 for figure. */
    record Mask(int width, int height, byte[] inside, boolean blurred) {
    }

    Mask segment(WorkingImage image) throws OutlineException {
        return image.hasAlpha() ? alphaMask(image) : colourMask(image);
    }

    private static Mask alphaMask(WorkingImage image) {
        int[] argb = image.argb();
        byte[] inside = new byte[argb.length];
        for (int i = 0; i < argb.length; i++) {
            inside[i] = (byte) (argb[i] >>> 24 >= 128 ? 1 : 0);
        }
        return new Mask(image.width(), image.height(), inside, false);
    }

    private Mask colourMask(WorkingImage image) throws OutlineException {
        int w = image.width();
        int h = image.height();
        float[][] raw = channels(image.argb());
        float noise = neighbourNoise(raw, w, h);
        int blurRadius = noise < 1.0f ? 1 : noise < 4f ? 1 : 2;
        float[][] smooth = new float[3][];
        for (int c = 0; c < 3; c++) {
            smooth[c] = BoxBlur.blur(raw[c], w, h, blurRadius);
        }

        // Pass 1: the border alone says what the background looks like.
        Samples border = Samples.border(w, h, BORDER_SAMPLES, smooth);
        Fit first = robustFit(border, 2, w, h);
        if (first.inlierFraction < MIN_BORDER_INLIERS) {
            throw new OutlineException(Reason.NO_FIGURE, "no figure found: the picture has no plain background "
                    + "to tell the figure from; use a picture of one figure on a plain or paper background");
        }
        float[] distance = new float[w * h];
        distanceMap(first.model, smooth, w, h, distance);
        Thresholds t1 = thresholds(first.residuals, first.inliers);
        byte[] inside = Hysteresis.apply(distance, w, h, t1.low, t1.high);

        // Pass 2: refit on everything that is background now, which also sees the middle of the picture.
        Samples interior = Samples.grid(w, h, INTERIOR_SAMPLES, smooth, inside, distance, t1.low * 0.5f);
        if (interior.size() > 50) {
            Fit second = robustFit(interior, 3, w, h);
            distanceMap(second.model, smooth, w, h, distance);
            Thresholds t2 = thresholds(second.residuals, second.inliers);
            inside = Hysteresis.apply(distance, w, h, t2.low, t2.high);
            distanceMap(second.model, raw, w, h, distance);
        } else {
            distanceMap(first.model, raw, w, h, distance);
        }
        EdgePeeler.peel(inside, distance, w, h, blurRadius + 1);
        return new Mask(w, h, inside, blurRadius > 0);
    }

    private record Thresholds(float low, float high) {
    }

    private static Thresholds thresholds(float[] residuals, boolean[] inliers) {
        float[] r = new float[residuals.length];
        int n = 0;
        for (int i = 0; i < residuals.length; i++) {
            if (inliers[i]) {
                r[n++] = residuals[i];
            }
        }
        Arrays.sort(r, 0, n);
        float p99 = n == 0 ? 0 : r[Math.min(n - 1, (int) (n * 0.99))];
        float median = n == 0 ? 0 : r[n / 2];
        float low = Math.max(MIN_LOW_THRESHOLD, Math.max(4 * median, 1.5f * p99));
        float high = Math.max(MIN_HIGH_THRESHOLD, 2.5f * low);
        return new Thresholds(low, high);
    }

    private record Fit(BackgroundModel model, float[] residuals, boolean[] inliers, double inlierFraction) {
    }

    /** Iteratively reweighted fit: samples far from the current surface are left out of the next fit. */
    private static Fit robustFit(Samples s, int degree, int w, int h) {
        int n = s.size();
        boolean[] use = new boolean[n];
        Arrays.fill(use, true);
        float[] residuals = new float[n];
        BackgroundModel model = BackgroundModel.fit(0, w, h, s.xs, s.ys, s.rgb, use);
        int inliers = n;
        for (int round = 0; round < 5; round++) {
            int d = round == 0 ? 0 : degree;
            if (round > 0) {
                model = BackgroundModel.fit(d, w, h, s.xs, s.ys, s.rgb, use);
            }
            residuals(model, s, residuals);
            float[] sorted = residuals.clone();
            Arrays.sort(sorted);
            // Median residual of the better half: robust even when the figure covers a third of the border.
            float scale = sorted[n / 4];
            float cut = Math.max(8f, 4f * 1.4826f * scale + 4f);
            inliers = 0;
            for (int i = 0; i < n; i++) {
                use[i] = residuals[i] <= cut;
                if (use[i]) {
                    inliers++;
                }
            }
            if (inliers < BackgroundModel.termCount(degree) * 3) {
                break;
            }
        }
        return new Fit(model, residuals, use, (double) inliers / n);
    }

    private static void residuals(BackgroundModel model, Samples s, float[] out) {
        double[] t = new double[BackgroundModel.termCount(3)];
        float[] c = new float[3];
        for (int i = 0; i < s.size(); i++) {
            model.predict(s.xs[i], s.ys[i], t, c);
            float dr = s.rgb[i][0] - c[0];
            float dg = s.rgb[i][1] - c[1];
            float db = s.rgb[i][2] - c[2];
            out[i] = (float) Math.sqrt(dr * dr + dg * dg + db * db);
        }
    }

    private static void distanceMap(BackgroundModel model, float[][] rgb, int w, int h, float[] out) {
        float[][] row = new float[3][w];
        for (int y = 0; y < h; y++) {
            model.predictRow(y, row);
            int o = y * w;
            for (int x = 0; x < w; x++) {
                float dr = rgb[0][o + x] - row[0][x];
                float dg = rgb[1][o + x] - row[1][x];
                float db = rgb[2][o + x] - row[2][x];
                out[o + x] = (float) Math.sqrt(dr * dr + dg * dg + db * db);
            }
        }
    }

    /** Channels as floats; partly transparent pixels are composited over white, as a viewer shows them. */
    private static float[][] channels(int[] argb) {
        float[][] c = new float[3][argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int a = p >>> 24;
            float alpha = a / 255f;
            float white = 255f * (1 - alpha);
            c[0][i] = ((p >> 16) & 0xFF) * alpha + white;
            c[1][i] = ((p >> 8) & 0xFF) * alpha + white;
            c[2][i] = (p & 0xFF) * alpha + white;
        }
        return c;
    }

    /** Median colour difference of horizontal neighbours along the top and bottom rows (sensor/JPEG noise). */
    private static float neighbourNoise(float[][] rgb, int w, int h) {
        int rows = Math.min(h, 8);
        float[] d = new float[rows * (w - 1) * 2];
        int n = 0;
        for (int k = 0; k < rows; k++) {
            for (int y : new int[] {k, h - 1 - k}) {
                int o = y * w;
                for (int x = 0; x + 1 < w; x++) {
                    float s = 0;
                    for (int c = 0; c < 3; c++) {
                        s += Math.abs(rgb[c][o + x + 1] - rgb[c][o + x]);
                    }
                    d[n++] = s;
                }
            }
        }
        Arrays.sort(d, 0, n);
        return n == 0 ? 0 : d[n / 2];
    }
}
