package dev.cuddlies.outline.internal;

/**
 * A drawing made of strokes rather than filled areas (a child's pen outline): the figure is what the
 * outermost stroke encloses, and a lifted pen leaves gaps that would let the inside leak out. The
 * evidence is the mask itself: strokes vanish under a small erosion, filled figures mostly survive
 * it. Only then are gaps closed, with a closing at the scale of a pen lift, so filled cartoons keep
 * their narrow bays.
 */
final class LineDrawing {

    /** Erosion radius that removes pen, pencil and crayon strokes (up to about 9 px wide), px. */
    private static final int STROKE_RADIUS_PX = 4;
    /** Below this share of pixels surviving that erosion, the mask is strokes. */
    private static final double STROKES_SURVIVE_BELOW = 0.4;
    /** Gaps closed: up to about twice this share of the picture's diagonal, at least 8 px. */
    private static final double GAP_FRACTION = 0.006;

    /** Less than this share of the picture cannot be a filled figure. */
    private static final double TOO_LITTLE_FOR_A_FIGURE = 0.002;

    private LineDrawing() {
    }

    /** True when the mask is mostly thin strokes. */
    static boolean isStrokes(ForegroundSegmenter.Mask mask) {
        int w = mask.width();
        int h = mask.height();
        long total = mask.x1() <= mask.x0() ? 0 : count(mask.inside(), w, mask.x0(), mask.y0(), mask.x1(), mask.y1());
        if (total < TOO_LITTLE_FOR_A_FIGURE * w * h) {
            return true; // faint strokes alone, or nothing: only the stroke detector can tell
        }
        byte[] eroded = BinaryMorphology.erode(mask.inside(), w, h, STROKE_RADIUS_PX, mask.x0(), mask.y0(), mask.x1(), mask.y1());
        long survived = count(eroded, w, mask.x0(), mask.y0(), mask.x1(), mask.y1());
        return survived < STROKES_SURVIVE_BELOW * total;
    }

    /** The mask with the strokes found by local contrast added (faint pastel and pencil lines). */
    static ForegroundSegmenter.Mask withFaintStrokes(ForegroundSegmenter.Mask mask, int[] rgb) {
        int w = mask.width();
        int h = mask.height();
        byte[] strokes = StrokeDetector.strokes(rgb, w, h, 0, 0, w, h);
        byte[] inside = mask.inside().clone();
        int x0 = w;
        int y0 = h;
        int x1 = 0;
        int y1 = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                inside[i] |= strokes[i];
                if (inside[i] != 0) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x + 1);
                    y1 = Math.max(y1, y + 1);
                }
            }
        }
        return x1 <= x0 ? mask : new ForegroundSegmenter.Mask(w, h, inside, mask.blurred(), x0, y0, x1, y1);
    }

    /** The mask with pen-lift gaps closed (a morphological closing), its region grown to hold it. */
    static ForegroundSegmenter.Mask closeGaps(ForegroundSegmenter.Mask mask) {
        if (mask.x1() <= mask.x0() || mask.y1() <= mask.y0()) {
            return mask; // nothing at all: the extractor says there is no figure
        }
        int w = mask.width();
        int h = mask.height();
        int r = Math.max(4, (int) Math.round(GAP_FRACTION * Math.hypot(w, h)));
        int x0 = Math.max(0, mask.x0() - r);
        int y0 = Math.max(0, mask.y0() - r);
        int x1 = Math.min(w, mask.x1() + r);
        int y1 = Math.min(h, mask.y1() + r);
        byte[] dilated = BinaryMorphology.dilate(mask.inside(), w, h, r, x0, y0, x1, y1);
        // Eroding back must not treat the picture's edge as background, or a figure crossing it shrinks.
        byte[] closed = erodeInsidePicture(dilated, w, h, r, x0, y0, x1, y1);
        for (int i = 0; i < closed.length; i++) {
            closed[i] |= mask.inside()[i];
        }
        return new ForegroundSegmenter.Mask(w, h, closed, mask.blurred(), x0, y0, x1, y1);
    }

    private static byte[] erodeInsidePicture(byte[] m, int w, int h, int r, int x0, int y0, int x1, int y1) {
        // Pad the region by r on each side where it touches the picture's edge, copying edge pixels out.
        int pw = x1 - x0 + 2 * r;
        int ph = y1 - y0 + 2 * r;
        byte[] padded = new byte[pw * ph];
        for (int y = 0; y < ph; y++) {
            int sy = y0 + y - r;
            boolean rowOutside = sy < y0 || sy >= y1;
            int cy = Math.max(y0, Math.min(y1 - 1, sy));
            if (rowOutside && !(sy < 0 || sy >= h)) {
                continue; // beyond the region but inside the picture: background
            }
            for (int x = 0; x < pw; x++) {
                int sx = x0 + x - r;
                boolean colOutside = sx < x0 || sx >= x1;
                if (colOutside && !(sx < 0 || sx >= w)) {
                    continue;
                }
                int cx = Math.max(x0, Math.min(x1 - 1, sx));
                padded[y * pw + x] = m[cy * w + cx];
            }
        }
        byte[] eroded = BinaryMorphology.erode(padded, pw, ph, r, 0, 0, pw, ph);
        byte[] out = new byte[m.length];
        for (int y = y0; y < y1; y++) {
            System.arraycopy(eroded, (y - y0 + r) * pw + r, out, y * w + x0, x1 - x0);
        }
        return out;
    }

    private static long count(byte[] m, int w, int x0, int y0, int x1, int y1) {
        long n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                n += m[y * w + x];
            }
        }
        return n;
    }
}
