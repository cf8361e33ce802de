package dev.cuddlies.outline.internal;

import boofcv.alg.filter.binary.BinaryImageOps;
import boofcv.alg.filter.binary.Contour;
import boofcv.struct.ConnectRule;
import boofcv.struct.image.GrayS32;
import boofcv.struct.image.GrayU8;
import georegression.struct.point.Point2D_I32;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

import java.util.Optional;

/**
 * Finds a sheet of paper photographed lying on something (a table, a bed), as document scanners do:
 * the largest bright region of a small copy, its convex hull reduced to four corners, accepted only
 * when it is a clear quadrilateral that leaves the surface around it in view. A picture cropped to
 * the drawing (paper to every edge) has no sheet to find.
 */
final class SheetFinder {

    /** The small copy's longer side, px. */
    private static final int SMALL_SIDE_PX = 320;
    private static final double MIN_SHEET_SHARE = 0.12;
    private static final double MAX_SHEET_SHARE = 0.9;
    /** The bright region must fill its four-corner hull this well (a finger may nick a corner). */
    private static final double MIN_FILL = 0.85;
    /** The sheet must be this much brighter than what lies around it (darkest-channel levels). */
    private static final double MIN_CONTRAST = 25;

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private SheetFinder() {
    }

    /** The sheet's corners in working pixels, clockwise on screen from the top-left one. */
    record Sheet(double[] xs, double[] ys) {
    }

    static Optional<Sheet> find(int[] argb, int w, int h) {
        int step = Math.max(1, (int) Math.ceil(Math.max(w, h) / (double) SMALL_SIDE_PX));
        int sw = w / step;
        int sh = h / step;
        if (sw < 16 || sh < 16) {
            return Optional.empty();
        }
        int[] level = new int[sw * sh];
        int[] histogram = new int[256];
        for (int y = 0; y < sh; y++) {
            for (int x = 0; x < sw; x++) {
                int p = argb[(y * step + step / 2) * w + x * step + step / 2];
                int v = Math.min((p >> 16) & 0xFF, Math.min((p >> 8) & 0xFF, p & 0xFF));
                level[y * sw + x] = v;
                histogram[v]++;
            }
        }
        int threshold = otsu(histogram, sw * sh);
        GrayU8 bright = new GrayU8(sw, sh);
        for (int i = 0; i < level.length; i++) {
            bright.data[i] = (byte) (level[i] > threshold ? 1 : 0);
        }
        GrayS32 labels = new GrayS32(sw, sh);
        var contours = BinaryImageOps.contour(bright, ConnectRule.FOUR, labels);
        int[] area = new int[contours.size() + 1];
        for (int v : labels.data) {
            area[v]++;
        }
        int best = -1;
        for (int i = 0; i < contours.size(); i++) {
            if (best < 0 || area[i + 1] > area[best + 1]) {
                best = i;
            }
        }
        if (best < 0) {
            return Optional.empty();
        }
        double share = (double) area[best + 1] / (sw * sh);
        if (share < MIN_SHEET_SHARE || share > MAX_SHEET_SHARE) {
            return Optional.empty();
        }
        Contour c = contours.get(best);
        Coordinate[] ring = new Coordinate[c.external.size()];
        for (int i = 0; i < ring.length; i++) {
            Point2D_I32 p = c.external.get(i);
            ring[i] = new Coordinate(p.x, p.y);
        }
        Geometry hull = GEOMETRY.createMultiPointFromCoords(ring).convexHull();
        Coordinate[] quad = fourCorners(hull);
        if (quad == null) {
            return Optional.empty();
        }
        Geometry quadPolygon = GEOMETRY.createPolygon(new Coordinate[] {quad[0], quad[1], quad[2], quad[3], quad[0]});
        if (!quadPolygon.isValid() || area[best + 1] < MIN_FILL * quadPolygon.getArea()) {
            return Optional.empty();
        }
        if (touchesThreeEdges(quad, sw, sh) || contrast(level, labels, best + 1, sw, sh) < MIN_CONTRAST) {
            return Optional.empty();
        }
        double[] xs = new double[4];
        double[] ys = new double[4];
        for (int i = 0; i < 4; i++) {
            xs[i] = (quad[i].x + 0.5) * step;
            ys[i] = (quad[i].y + 0.5) * step;
        }
        return Optional.of(new Sheet(xs, ys));
    }

    /** The hull simplified until four corners remain, ordered clockwise on screen from the top-left. */
    private static Coordinate[] fourCorners(Geometry hull) {
        double diagonal = hull.getEnvelopeInternal().getDiameter();
        for (double tolerance = 0.01 * diagonal; tolerance < 0.2 * diagonal; tolerance *= 1.25) {
            Coordinate[] c = DouglasPeuckerSimplifier.simplify(hull, tolerance).getCoordinates();
            int n = c.length - 1;
            if (n == 4) {
                Coordinate[] quad = {c[0], c[1], c[2], c[3]};
                double cx = 0;
                double cy = 0;
                for (Coordinate q : quad) {
                    cx += q.x / 4;
                    cy += q.y / 4;
                }
                final double mx = cx;
                final double my = cy;
                java.util.Arrays.sort(quad, java.util.Comparator.comparingDouble(q -> Math.atan2(q.y - my, q.x - mx)));
                int start = 0;
                for (int i = 1; i < 4; i++) {
                    if (quad[i].x + quad[i].y < quad[start].x + quad[start].y) {
                        start = i;
                    }
                }
                Coordinate[] ordered = new Coordinate[4];
                for (int i = 0; i < 4; i++) {
                    ordered[i] = quad[(start + i) % 4];
                }
                return ordered;
            }
            if (n < 4) {
                return null;
            }
        }
        return null;
    }

    private static boolean touchesThreeEdges(Coordinate[] quad, int w, int h) {
        boolean left = false;
        boolean right = false;
        boolean top = false;
        boolean bottom = false;
        for (Coordinate c : quad) {
            left |= c.x <= 1;
            right |= c.x >= w - 2;
            top |= c.y <= 1;
            bottom |= c.y >= h - 2;
        }
        return (left ? 1 : 0) + (right ? 1 : 0) + (top ? 1 : 0) + (bottom ? 1 : 0) >= 3;
    }

    /** Median level of the sheet minus median level of everything else. */
    private static double contrast(int[] level, GrayS32 labels, int label, int w, int h) {
        int[] in = new int[256];
        int[] out = new int[256];
        int nIn = 0;
        int nOut = 0;
        for (int i = 0; i < level.length; i++) {
            if (labels.data[i] == label) {
                in[level[i]]++;
                nIn++;
            } else {
                out[level[i]]++;
                nOut++;
            }
        }
        return median(in, nIn) - median(out, nOut);
    }

    private static int median(int[] histogram, int n) {
        int seen = 0;
        for (int v = 0; v < 256; v++) {
            seen += histogram[v];
            if (seen * 2 >= n) {
                return v;
            }
        }
        return 255;
    }

    private static int otsu(int[] histogram, int n) {
        double sum = 0;
        for (int v = 0; v < 256; v++) {
            sum += (double) v * histogram[v];
        }
        double sumB = 0;
        int wB = 0;
        double best = -1;
        int threshold = 128;
        for (int t = 0; t < 256; t++) {
            wB += histogram[t];
            if (wB == 0) {
                continue;
            }
            int wF = n - wB;
            if (wF == 0) {
                break;
            }
            sumB += (double) t * histogram[t];
            double mB = sumB / wB;
            double mF = (sum - sumB) / wF;
            double between = (double) wB * wF * (mB - mF) * (mB - mF);
            if (between > best) {
                best = between;
                threshold = t;
            }
        }
        return threshold;
    }
}
