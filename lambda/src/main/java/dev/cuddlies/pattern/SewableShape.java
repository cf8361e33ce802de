package dev.cuddlies.pattern;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Makes a traced shape sewable at its real size: parts too narrow to turn are widened, concave
 * corners are rounded so the seam can be clipped and turned, and the line is simplified within a
 * tolerance. All geometry through JTS; nothing hand-rolled.
 */
final class SewableShape {

    /** A change of more than this share of the area is worth telling the maker. */
    private static final double NOTICEABLE_CHANGE = 0.03;
    private static final int QUADRANT_SEGMENTS = 8;

    private SewableShape() {
    }

    record Result(Polygon shape, List<String> warnings) {
    }

    static Result make(Polygon traced, PatternSpec spec) throws PatternException {
        List<String> warnings = new ArrayList<>();
        Geometry shape = traced.buffer(0);

        int widened = 0;
        double r = spec.minWidthMm() / 2;
        if (r > 0) {
            Geometry opened = shape.buffer(-r, QUADRANT_SEGMENTS).buffer(r, QUADRANT_SEGMENTS);
            if (opened.isEmpty()) {
                throw new PatternException(String.format(Locale.ROOT,
                        "the figure is too thin to sew at %s; make it taller", Length.describeCm(spec.heightMm())));
            }
            Geometry narrow = shape.difference(opened);
            List<Geometry> widenedParts = new ArrayList<>();
            for (int i = 0; i < narrow.getNumGeometries(); i++) {
                Geometry part = narrow.getGeometryN(i);
                // Slivers shaved off convex corners by the opening are not parts.
                if (part.getArea() < r * r) {
                    continue;
                }
                double width = 2 * part.getArea() / Math.max(1e-9, part.getLength());
                double grow = r - width / 2;
                if (grow > 0.2) {
                    widenedParts.add(part.buffer(grow, QUADRANT_SEGMENTS));
                    widened++;
                }
            }
            for (Geometry g : widenedParts) {
                shape = shape.union(g);
            }
        }

        double radius = spec.cornerRadiusMm();
        if (radius > 0) {
            shape = shape.buffer(radius, QUADRANT_SEGMENTS).buffer(-radius, QUADRANT_SEGMENTS);
        }
        Polygon polygon = exterior(largest(shape));
        polygon = (Polygon) TopologyPreservingSimplifier.simplify(polygon, spec.toleranceMm());

        double changed = polygon.symDifference(traced.buffer(0)).getArea() / traced.getArea();
        if (widened > 0) {
            warnings.add(String.format(Locale.ROOT, "widened %d narrow part%s to %s so %s can be turned",
                    widened, widened == 1 ? "" : "s", Length.describeCm(spec.minWidthMm()),
                    widened == 1 ? "it" : "they"));
        }
        if (changed > NOTICEABLE_CHANGE) {
            warnings.add(String.format(Locale.ROOT, "the shape was changed by %.0f%% to make it sewable", changed * 100));
        }
        return new Result(polygon, warnings);
    }

    /** The cut line: the stitch line offset outward by the seam allowance, with round joins. */
    static Polygon offset(Polygon stitch, double seamMm) {
        BufferParameters p = new BufferParameters(QUADRANT_SEGMENTS, BufferParameters.CAP_ROUND,
                BufferParameters.JOIN_ROUND, BufferParameters.DEFAULT_MITRE_LIMIT);
        return exterior(largest(BufferOp.bufferOp(stitch, seamMm, p)));
    }

    static Polygon largest(Geometry g) {
        Polygon best = null;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && (best == null || p.getArea() > best.getArea())) {
                best = p;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no polygon in " + g.getGeometryType());
        }
        return best;
    }

    private static Polygon exterior(Polygon p) {
        return p.getFactory().createPolygon(p.getExteriorRing().getCoordinates());
    }
}
