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
    private static final int BORDER_SAMPLES = 6000;
    private static final int INTERIOR_SAMPLES = 12_000;

    /**
     * A binary mask at working resolution; {@code inside[y * width + x]} is 1 for figure, and nothing
     * outside the region {@code x0..x1-1, y0..y1-1} is figure.
     */
    record Mask(int width, int height, byte[] inside, boolean blurred, int x0, int y0, int x1, int y1) {
        Mask(int width, int height, byte[] inside, boolean blurred) {
            this(width, height, inside, blurred, 0, 0, width, height);
        }
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
        int[] rgb = Colours.opaque(image.argb());
        float noise = neighbourNoise(rgb, w, h);
        // Clean digital art needs no smoothing; sensor and JPEG noise, paper grain and thin grid
        // lines fade under a small box blur while the figure's flat fills do not.
        int blurRadius = noise < 0.3f ? 0 : noise < 4f ? 1 : 2;
        // Clean pictures are read straight from their packed pixels (no float copy: this is the hot path).
        Colours raw = Colours.packed(rgb);
        Colours smooth = blurRadius == 0 ? raw : Colours.planes(rgb).blurred(w, h, blurRadius);

        // Pass 1: the border alone says what the background looks like.
        Samples border = Samples.border(w, h, BORDER_SAMPLES, smooth);
        Fit first = robustFit(border, 2, w, h);
        if (first.inlierFraction < MIN_BORDER_INLIERS) {
            throw new OutlineException(Reason.NO_FIGURE, "no figure found: the picture has no plain background "
                    + "to tell the figure from; use a picture of one figure on a plain or paper background");
        }
        Thresholds t1 = thresholds(first.residuals, first.inliers);
        // A coarse first segmentation is enough to know which pixels are background.
        int step = Math.max(1, (int) Math.round(Math.sqrt((double) w * h / INTERIOR_SAMPLES)));
        Samples.Coarse coarse = Samples.coarseBackground(w, h, step, smooth, first.model, t1.low, t1.high);
        Samples interior = coarse.background();

        // Pass 2: refit on everything that is background, which also sees the middle of the picture.
        BackgroundModel model = first.model;
        Thresholds t = t1;
        if (interior.size() > 50) {
            Fit second = robustFit(interior, 3, w, h);
            model = second.model;
            t = thresholds(second.residuals, second.inliers);
        }
        // Full resolution only where the coarse pass saw anything but plain background.
        float[] distance = new float[w * h];
        distanceMap(model, smooth, coarse, w, distance);
        byte[] inside = Hysteresis.apply(distance, w, h, t.low, t.high, coarse.x0(), coarse.y0(), coarse.x1(), coarse.y1());
        if (blurRadius > 0) {
            distanceMap(model, raw, coarse, w, distance); // edges are judged on the sharp picture
        }
        EdgePeeler.peel(inside, distance, w, h, blurRadius + 1);
        return new Mask(w, h, inside, blurRadius > 0, coarse.x0(), coarse.y0(), coarse.x1(), coarse.y1());
    }

    private record Thresholds(float low, float high) {
    }

    private static Thresholds thresholds(float[] residuals, boolean[] inliers) {
        float median = Quantile.of(residuals, inliers, 0.5);
        float p99 = Quantile.of(residuals, inliers, 0.99);
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
        BackgroundModel model = null;
        int inliers = n;
        for (int round = 0; round < 4; round++) {
            // Start with a flat colour: a tilted first fit would chase a figure on the border.
            model = BackgroundModel.fit(round == 0 ? 0 : degree, w, h, s, use);
            model.residuals(s, residuals);
            // Median residual of the better half: robust even when the figure covers a third of the border.
            float scale = Quantile.of(residuals, null, 0.25);
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

    private static void distanceMap(BackgroundModel model, Colours colours, Samples.Coarse region, int w, float[] out) {
        for (int y = region.y0(); y < region.y1(); y++) {
            model.distanceRow(y, region.x0(), region.x1(), colours, out, y * w);
        }
    }

    /**
     * Mean colour difference of horizontal neighbours along the top and bottom rows, edges left out:
     * the sensor, JPEG and paper noise of the background (a median is 0 on smooth JPEG gradients).
     */
    private static float neighbourNoise(int[] rgb, int w, int h) {
        int rows = Math.min(h, 8);
        double sum = 0;
        long n = 0;
        for (int k = 0; k < rows; k++) {
            for (int y : new int[] {k, h - 1 - k}) {
                int o = y * w;
                for (int x = 0; x + 1 < w; x++) {
                    int p = rgb[o + x];
                    int q = rgb[o + x + 1];
                    float d = Math.abs(((p >> 16) & 0xFF) - ((q >> 16) & 0xFF)) + Math.abs(((p >> 8) & 0xFF) - ((q >> 8) & 0xFF))
                            + Math.abs((p & 0xFF) - (q & 0xFF));
                    if (d < 30) {
                        sum += d;
                        n++;
                    }
                }
            }
        }
        return n == 0 ? 0 : (float) (sum / n);
    }
}
