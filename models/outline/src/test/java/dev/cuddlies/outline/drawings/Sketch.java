package dev.cuddlies.outline.drawings;

import boofcv.alg.filter.binary.BinaryImageOps;
import boofcv.alg.filter.binary.Contour;
import boofcv.struct.ConnectRule;
import boofcv.struct.image.GrayS32;
import boofcv.struct.image.GrayU8;
import georegression.struct.point.Point2D_I32;

import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What a child would draw of a silhouette: its outer contour, smoothed and wobbling, broken by pen
 * lifts, plus a few interior strokes (eyes, a mouth, the holes of the silhouette, a scribble).
 * Coordinates are in drawing pixels after {@link #place}.
 */
final class Sketch {

    /** The wobbling closed outline, without gaps: the ground truth is what it encloses. */
    final List<Point2D.Double> outline;
    /** The strokes actually drawn: the outline in pieces (pen lifts) and the interior marks. */
    final List<Path2D.Double> strokes = new ArrayList<>();

    private Sketch(List<Point2D.Double> outline) {
        this.outline = outline;
    }

    /** The largest part of a mask (non-zero = inside) as its outer contour and hole contours, mask px. */
    record Silhouette(List<Point2D.Double> outer, List<List<Point2D.Double>> holes, int width, int height) {
    }

    static Silhouette silhouette(BufferedImage mask) {
        int w = mask.getWidth();
        int h = mask.getHeight();
        GrayU8 binary = new GrayU8(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                binary.set(x, y, mask.getRaster().getSample(x, y, 0) >= 128 ? 1 : 0);
            }
        }
        List<Contour> contours = BinaryImageOps.contour(binary, ConnectRule.EIGHT, new GrayS32(w, h));
        Contour largest = null;
        for (Contour c : contours) {
            if (largest == null || c.external.size() > largest.external.size()) {
                largest = c;
            }
        }
        List<List<Point2D.Double>> holes = new ArrayList<>();
        for (List<Point2D_I32> hole : largest.internal) {
            if (hole.size() > 60) {
                holes.add(toDouble(hole));
            }
        }
        return new Silhouette(toDouble(largest.external), holes, w, h);
    }

    private static List<Point2D.Double> toDouble(List<Point2D_I32> points) {
        List<Point2D.Double> out = new ArrayList<>(points.size());
        for (Point2D_I32 p : points) {
            out.add(new Point2D.Double(p.x + 0.5, p.y + 0.5));
        }
        return out;
    }

    /**
     * Places a silhouette with its bounding box scaled to {@code sizePx} on the longer side and its
     * top-left corner at (x0, y0), then draws it as a child would.
     *
     * @param gapPx    longest pen-lift gap, px (0 = closed outline)
     * @param wobblePx amplitude of the hand's wobble, px
     */
    static Sketch place(Silhouette s, double sizePx, double x0, double y0, double gapPx, double wobblePx,
                        int interiorMarks, Random random) {
        double[] box = bounds(s.outer());
        double scale = sizePx / Math.max(box[2] - box[0], box[3] - box[1]);
        List<Point2D.Double> outer = transform(s.outer(), box, scale, x0, y0);
        List<Point2D.Double> drawn = wobble(resample(smooth(outer, 6), 2.0), wobblePx, random);
        Sketch sketch = new Sketch(drawn);
        sketch.strokes.addAll(withGaps(drawn, gapPx, random));
        for (List<Point2D.Double> hole : s.holes()) {
            List<Point2D.Double> h = wobble(resample(smooth(transform(hole, box, scale, x0, y0), 4), 2.0),
                    wobblePx * 0.7, random);
            if (h.size() > 12) {
                sketch.strokes.add(path(h, true));
            }
        }
        sketch.addInteriorMarks(interiorMarks, sizePx, random);
        return sketch;
    }

    private void addInteriorMarks(int count, double sizePx, Random random) {
        Path2D.Double shape = path(outline, true);
        double margin = 0.06 * sizePx;
        int placed = 0;
        for (int attempt = 0; attempt < 200 && placed < count; attempt++) {
            double[] box = bounds(outline);
            double x = Noise.between(random, box[0], box[2]);
            double y = Noise.between(random, box[1], box[3]);
            if (!shape.contains(x, y) || distanceToOutline(x, y) < margin) {
                continue;
            }
            double r = Noise.between(random, 0.02, 0.05) * sizePx;
            r = Math.min(r, distanceToOutline(x, y) - 0.02 * sizePx);
            if (r < 3) {
                continue;
            }
            Path2D.Double mark = new Path2D.Double();
            switch (random.nextInt(3)) {
                case 0 -> { // an eye: a small ring
                    for (int k = 0; k <= 24; k++) {
                        double a = 2 * Math.PI * k / 24;
                        double px = x + r * 0.6 * Math.cos(a);
                        double py = y + r * 0.6 * Math.sin(a);
                        if (k == 0) {
                            mark.moveTo(px, py);
                        } else {
                            mark.lineTo(px, py);
                        }
                    }
                }
                case 1 -> { // a mouth: an arc
                    double start = Noise.between(random, 0.1, 0.6) * Math.PI;
                    for (int k = 0; k <= 16; k++) {
                        double a = start + (Math.PI * 0.8) * k / 16;
                        double px = x + r * Math.cos(a);
                        double py = y + r * 0.6 * Math.sin(a);
                        if (k == 0) {
                            mark.moveTo(px, py);
                        } else {
                            mark.lineTo(px, py);
                        }
                    }
                }
                default -> { // a scribble
                    double px = x;
                    double py = y;
                    mark.moveTo(px, py);
                    for (int k = 0; k < 6; k++) {
                        px += Noise.between(random, -r, r);
                        py += Noise.between(random, -r, r);
                        if (shape.contains(px, py) && distanceToOutline(px, py) > 0.03 * sizePx) {
                            mark.lineTo(px, py);
                        }
                    }
                }
            }
            strokes.add(mark);
            placed++;
        }
    }

    private double distanceToOutline(double x, double y) {
        double best = Double.MAX_VALUE;
        for (Point2D.Double p : outline) {
            best = Math.min(best, p.distanceSq(x, y));
        }
        return Math.sqrt(best);
    }

    static double[] bounds(List<Point2D.Double> points) {
        double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (Point2D.Double p : points) {
            b[0] = Math.min(b[0], p.x);
            b[1] = Math.min(b[1], p.y);
            b[2] = Math.max(b[2], p.x);
            b[3] = Math.max(b[3], p.y);
        }
        return b;
    }

    private static List<Point2D.Double> transform(List<Point2D.Double> in, double[] box, double scale, double x0, double y0) {
        List<Point2D.Double> out = new ArrayList<>(in.size());
        for (Point2D.Double p : in) {
            out.add(new Point2D.Double(x0 + (p.x - box[0]) * scale, y0 + (p.y - box[1]) * scale));
        }
        return out;
    }

    /** Moving average over ±k points of a closed contour: a hand does not follow pixel steps. */
    private static List<Point2D.Double> smooth(List<Point2D.Double> in, int k) {
        int n = in.size();
        List<Point2D.Double> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double sx = 0;
            double sy = 0;
            for (int d = -k; d <= k; d++) {
                Point2D.Double p = in.get(Math.floorMod(i + d, n));
                sx += p.x;
                sy += p.y;
            }
            out.add(new Point2D.Double(sx / (2 * k + 1), sy / (2 * k + 1)));
        }
        return out;
    }

    /** Points every {@code stepPx} along a closed contour. */
    private static List<Point2D.Double> resample(List<Point2D.Double> in, double stepPx) {
        List<Point2D.Double> out = new ArrayList<>();
        double carry = 0;
        int n = in.size();
        for (int i = 0; i < n; i++) {
            Point2D.Double a = in.get(i);
            Point2D.Double b = in.get((i + 1) % n);
            double len = a.distance(b);
            double t = carry;
            while (t < len) {
                out.add(new Point2D.Double(a.x + (b.x - a.x) * t / len, a.y + (b.y - a.y) * t / len));
                t += stepPx;
            }
            carry = t - len;
        }
        return out;
    }

    /** Displaces each point along the contour's normal by a sum of slow waves. */
    private static List<Point2D.Double> wobble(List<Point2D.Double> in, double amplitudePx, Random random) {
        int n = in.size();
        double[] amp = new double[3];
        double[] wavelength = new double[3];
        double[] phase = new double[3];
        for (int k = 0; k < 3; k++) {
            amp[k] = amplitudePx * Noise.between(random, 0.3, 1.0) / (k + 1);
            wavelength[k] = Noise.between(random, 30, 220) / (k + 1);
            phase[k] = Noise.between(random, 0, 2 * Math.PI);
        }
        List<Point2D.Double> out = new ArrayList<>(n);
        double s = 0;
        for (int i = 0; i < n; i++) {
            Point2D.Double prev = in.get(Math.floorMod(i - 2, n));
            Point2D.Double next = in.get((i + 2) % n);
            double tx = next.x - prev.x;
            double ty = next.y - prev.y;
            double len = Math.max(1e-9, Math.hypot(tx, ty));
            double offset = 0;
            for (int k = 0; k < 3; k++) {
                offset += amp[k] * Math.sin(2 * Math.PI * s / wavelength[k] + phase[k]);
            }
            Point2D.Double p = in.get(i);
            out.add(new Point2D.Double(p.x - ty / len * offset, p.y + tx / len * offset));
            if (i + 1 < n) {
                s += p.distance(in.get(i + 1));
            }
        }
        return out;
    }

    /** The closed outline as open strokes with up to three pen-lift gaps of at most {@code gapPx}. */
    private static List<Path2D.Double> withGaps(List<Point2D.Double> closed, double gapPx, Random random) {
        int n = closed.size();
        boolean[] lifted = new boolean[n];
        int gaps = gapPx <= 0 ? 0 : 1 + random.nextInt(3);
        int start = random.nextInt(n); // where the child started drawing: strokes begin after a gap
        for (int g = 0; g < gaps; g++) {
            int at = (start + g * n / Math.max(1, gaps)) % n;
            int len = (int) Math.ceil(Noise.between(random, 0.4, 1.0) * gapPx / 2.0); // points are 2 px apart
            for (int k = 0; k < len; k++) {
                lifted[(at + k) % n] = true;
            }
        }
        List<Path2D.Double> strokes = new ArrayList<>();
        if (gaps == 0) {
            strokes.add(path(closed, true));
            return strokes;
        }
        List<Point2D.Double> current = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int i = (start + k) % n;
            if (lifted[i]) {
                if (current.size() > 1) {
                    strokes.add(path(current, false));
                }
                current = new ArrayList<>();
            } else {
                current.add(closed.get(i));
            }
        }
        if (current.size() > 1) {
            strokes.add(path(current, false));
        }
        return strokes;
    }

    static Path2D.Double path(List<Point2D.Double> points, boolean closed) {
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < points.size(); i++) {
            Point2D.Double q = points.get(i);
            if (i == 0) {
                p.moveTo(q.x, q.y);
            } else {
                p.lineTo(q.x, q.y);
            }
        }
        if (closed) {
            p.closePath();
        }
        return p;
    }
}
