package dev.cuddlies.pattern.stuffing.internal;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateList;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.polygonize.Polygonizer;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The piece of fabric a closed line encloses, even where the line crosses itself: everything the
 * line winds around (non-zero winding), as when two parts of a pattern grown towards each other
 * overlap and are cut as one. The largest part, without holes, simplified within
 * {@link #SIMPLIFY_MM}.
 */
public final class RingFill {

    /** The outline is simplified within this, mm: far below what scissors follow. */
    public static final double SIMPLIFY_MM = 0.2;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private RingFill() {
    }

    /** @param closed the line, first point repeated at the end, mm. Not modified. */
    public static Polygon fill(Coordinate[] closed) {
        Coordinate[] ring = new CoordinateList(closed, false).toCoordinateArray();
        if (ring.length < 4) {
            throw new IllegalArgumentException("a pattern outline needs at least three points");
        }
        LinearRing line = GEOMETRY.createLinearRing(ring);
        Geometry area;
        if (line.isSimple()) {
            area = GEOMETRY.createPolygon(line);
        } else {
            // Node the line where it crosses itself and keep the faces it winds around.
            Polygonizer faces = new Polygonizer();
            faces.add(GEOMETRY.createLineString(ring).union());
            List<Geometry> inside = new ArrayList<>();
            @SuppressWarnings("unchecked")
            Collection<Polygon> all = faces.getPolygons();
            for (Polygon face : all) {
                if (winding(face.getInteriorPoint().getCoordinate(), ring) != 0) {
                    inside.add(face);
                }
            }
            area = UnaryUnionOp.union(inside);
        }
        Polygon largest = Projections.largest(area);
        Polygon outer = GEOMETRY.createPolygon(largest.getExteriorRing().getCoordinates());
        return (Polygon) DouglasPeuckerSimplifier.simplify(outer, SIMPLIFY_MM);
    }

    /** How many times the closed line winds around a point (Sunday's crossing rule). */
    static int winding(Coordinate p, Coordinate[] ring) {
        int w = 0;
        for (int i = 1; i < ring.length; i++) {
            Coordinate a = ring[i - 1];
            Coordinate b = ring[i];
            if (a.y <= p.y) {
                if (b.y > p.y && Orientation.index(a, b, p) == Orientation.LEFT) {
                    w++;
                }
            } else if (b.y <= p.y && Orientation.index(a, b, p) == Orientation.RIGHT) {
                w--;
            }
        }
        return w;
    }
}
