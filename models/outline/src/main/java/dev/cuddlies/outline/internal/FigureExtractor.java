package dev.cuddlies.outline.internal;

import boofcv.alg.filter.binary.BinaryImageOps;
import boofcv.alg.filter.binary.Contour;
import boofcv.struct.ConnectRule;
import boofcv.struct.image.GrayS32;
import boofcv.struct.image.GrayU8;
import dev.cuddlies.outline.Outline;
import dev.cuddlies.outline.Outline.Warning.Kind;
import dev.cuddlies.outline.OutlineException;
import dev.cuddlies.outline.OutlineException.Reason;
import georegression.struct.point.Point2D_I32;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.operation.distance.DistanceOp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns a figure mask into one silhouette, as a plush is one piece: the largest part is the figure,
 * parts close to it are bridged on (an ear behind a thin gap), specks and stray marks are dropped,
 * and interior holes are filled (only the outer contour is kept).
 */
final class FigureExtractor {

    /** Parts smaller than this, px, are noise and not even counted as dropped marks. */
    private static final int NOISE_PX = 16;
    /** Figures smaller than this share of the picture are not taken for a figure. */
    private static final double MIN_FIGURE_FRACTION = 0.002;
    /** A part left out that is at least this share of the figure is another drawing, not a stray mark. */
    private static final double OTHER_DRAWING_SHARE = 0.05;

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final double joinGapFraction;
    private final double minPartFraction;

    FigureExtractor(double joinGapFraction, double minPartFraction) {
        this.joinGapFraction = joinGapFraction;
        this.minPartFraction = minPartFraction;
    }

    /** The silhouette in working pixel coordinates, with what was done to it. */
    record Silhouette(Polygon polygon, List<Outline.Warning> warnings) {
    }

    Silhouette extract(ForegroundSegmenter.Mask mask) throws OutlineException {
        int w = mask.width();
        int h = mask.height();
        // Contours are traced in the region that can hold figure only, then moved back into place.
        int rw = Math.max(1, mask.x1() - mask.x0());
        int rh = Math.max(1, mask.y1() - mask.y0());
        GrayU8 binary = new GrayU8(rw, rh);
        for (int y = 0; y < mask.y1() - mask.y0(); y++) {
            System.arraycopy(mask.inside(), (mask.y0() + y) * w + mask.x0(), binary.data, y * rw, mask.x1() - mask.x0());
        }
        GrayS32 labels = new GrayS32(rw, rh);
        List<Contour> contours = BinaryImageOps.contour(binary, ConnectRule.EIGHT, labels);
        for (Contour c : contours) {
            shift(c.external, mask.x0(), mask.y0());
            c.internal.forEach(hole -> shift(hole, mask.x0(), mask.y0()));
        }
        int[] area = new int[contours.size() + 1];
        for (int v : labels.data) {
            if (v > 0) {
                area[v]++;
            }
        }

        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < contours.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> area[i + 1]).reversed());
        if (order.isEmpty() || area[order.get(0) + 1] < MIN_FIGURE_FRACTION * w * h) {
            throw new OutlineException(Reason.NO_FIGURE,
                    "no figure found: the picture looks empty; use a picture with one clear figure");
        }

        int mainIndex = order.get(0);
        Polygon figure = polygonOf(contours.get(mainIndex).external);
        int mainArea = area[mainIndex + 1];
        double size = Math.sqrt(mainArea);
        double joinGap = Math.max(2, joinGapFraction * Math.hypot(w, h));
        int joined = 0;
        int dropped = 0;
        int otherDrawings = 0;
        int holes = countHoles(contours.get(mainIndex), mainArea);
        for (int k = 1; k < order.size(); k++) {
            int i = order.get(k);
            int partArea = area[i + 1];
            if (partArea < NOISE_PX) {
                break; // sorted: the rest is noise too
            }
            if (partArea < minPartFraction * mainArea) {
                dropped++;
                continue;
            }
            Polygon part = polygonOf(contours.get(i).external);
            if (part == null) {
                continue;
            }
            if (figure.distance(part) > joinGap) {
                if (partArea >= OTHER_DRAWING_SHARE * mainArea) {
                    otherDrawings++;
                } else {
                    dropped++;
                }
                continue;
            }
            figure = bridge(figure, part, partArea, size);
            holes += countHoles(contours.get(i), partArea);
            joined++;
        }
        if (figure == null || figure.isEmpty()) {
            throw new OutlineException(Reason.NO_FIGURE, "no figure found: the figure is too thin to trace");
        }

        List<Outline.Warning> warnings = new ArrayList<>();
        if (holes > 0) {
            warnings.add(new Outline.Warning(Kind.FILLED_HOLES, holes));
        }
        if (joined > 0) {
            warnings.add(new Outline.Warning(Kind.JOINED_PARTS, joined + 1));
        }
        if (dropped > 0) {
            warnings.add(new Outline.Warning(Kind.DROPPED_MARKS, dropped));
        }
        if (otherDrawings > 0) {
            warnings.add(new Outline.Warning(Kind.OTHER_DRAWINGS_LEFT_OUT, otherDrawings));
        }
        if (touchesEdge(figure, w, h)) {
            warnings.add(new Outline.Warning(Kind.TOUCHES_EDGE, 1));
        }
        return new Silhouette(GEOMETRY.createPolygon(figure.getExteriorRing().getCoordinates()), warnings);
    }

    private static void shift(List<Point2D_I32> points, int dx, int dy) {
        for (Point2D_I32 p : points) {
            p.x += dx;
            p.y += dy;
        }
    }

    /** Holes that matter: at least 0.2 % of the part and 64 px (smaller ones are eye highlights). */
    private static int countHoles(Contour contour, int partArea) {
        int n = 0;
        for (List<Point2D_I32> hole : contour.internal) {
            Polygon p = polygonOf(hole);
            if (p != null && p.getArea() >= Math.max(64, 0.002 * partArea)) {
                n++;
            }
        }
        return n;
    }

    /** Joins a part with a bridge along the shortest line between them, as wide as the part allows. */
    private static Polygon bridge(Polygon figure, Polygon part, int partArea, double figureSize) {
        Coordinate[] nearest = DistanceOp.nearestPoints(figure, part);
        LineString link = GEOMETRY.createLineString(nearest);
        double halfWidth = Math.max(1.5, Math.min(0.25 * Math.sqrt(partArea), 0.05 * figureSize));
        Geometry joined = figure.union(part).union(link.buffer(halfWidth, 4));
        return largestPolygon(joined);
    }

    private static boolean touchesEdge(Polygon p, int w, int h) {
        var env = p.getEnvelopeInternal();
        return env.getMinX() <= 0.5 || env.getMinY() <= 0.5 || env.getMaxX() >= w - 1.5 || env.getMaxY() >= h - 1.5;
    }

    /** A polygon through the boundary pixel centres; self-touching contours are repaired. */
    static Polygon polygonOf(List<Point2D_I32> contour) {
        if (contour.size() < 3) {
            return null;
        }
        Coordinate[] ring = new Coordinate[contour.size() + 1];
        for (int i = 0; i < contour.size(); i++) {
            Point2D_I32 p = contour.get(i);
            ring[i] = new Coordinate(p.x, p.y);
        }
        ring[contour.size()] = ring[0];
        Polygon polygon = GEOMETRY.createPolygon(ring);
        if (polygon.isValid()) {
            return polygon;
        }
        return largestPolygon(GeometryFixer.fix(polygon));
    }

    private static Polygon largestPolygon(Geometry g) {
        Polygon best = null;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && (best == null || p.getArea() > best.getArea())) {
                best = p;
            }
        }
        return best;
    }
}
