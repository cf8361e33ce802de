package dev.cuddlies.pattern;

import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The "done when" criteria, computed independently of the pattern code from plain polygons:
 * what an outside check would measure on a piece's stitch line.
 */
final class OutsideCriteria {

    /** Corner slivers shaved off by an opening are not parts: ignore residue thinner than this, mm. */
    static final double SLIVER_WIDTH_MM = 1.0;

    private OutsideCriteria() {
    }

    /** The body: the stitch polygon opened by 30 % of its largest inscribed radius (largest part kept). */
    static Geometry body(Polygon stitch) {
        double r = new MaximumInscribedCircle(stitch, 0.1).getRadiusLine().getLength();
        return largest(stitch.buffer(-0.3 * r, 16).buffer(0.3 * r, 16));
    }

    /** Distance from a point to the body's outline, mm. */
    static double offBodyOutline(Polygon stitch, Coordinate c) {
        return body(stitch).getBoundary().distance(stitch.getFactory().createPoint(c));
    }

    /**
     * How far a part narrower than {@code minWidthMm} reaches out of the piece opened to that width, mm.
     * A square corner reaches 0.41 × half the width (5.2 mm at 25 mm); a thin limb reaches its length.
     */
    static double narrowReachMm(Polygon stitch, double minWidthMm) {
        double r = minWidthMm / 2 - 0.25;
        Geometry opened = stitch.buffer(-r, 16).buffer(r, 16);
        double reach = 0;
        for (Coordinate c : stitch.getExteriorRing().getCoordinates()) {
            reach = Math.max(reach, opened.distance(stitch.getFactory().createPoint(c)));
        }
        return reach;
    }

    /** Widest background slit narrower than {@code 2 × seamMm} (2 × inscribed radius of the closing's residue). */
    static double slitResidueMm(Polygon stitch, double seamMm) {
        double s = seamMm - 0.25;
        Geometry residue = stitch.buffer(s, 16).buffer(-s, 16).difference(stitch);
        return widest(residue);
    }

    private static double widest(Geometry residue) {
        double widest = 0;
        for (int i = 0; i < residue.getNumGeometries(); i++) {
            Geometry part = residue.getGeometryN(i);
            if (part instanceof Polygon p && !p.isEmpty() && p.getArea() > 1) {
                double w = 2 * new MaximumInscribedCircle(p, 0.05).getRadiusLine().getLength();
                widest = Math.max(widest, w < SLIVER_WIDTH_MM ? 0 : w);
            }
        }
        return widest;
    }

    static Geometry largest(Geometry g) {
        Geometry best = null;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (best == null || g.getGeometryN(i).getArea() > best.getArea()) {
                best = g.getGeometryN(i);
            }
        }
        return best;
    }
}
