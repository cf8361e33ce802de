package dev.cuddlies.pattern.stuffing;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.util.GeometricShapeFactory;

/** Pattern pieces with known answers, mm. */
final class Shapes {

    static final GeometryFactory GEOMETRY = new GeometryFactory();

    private Shapes() {
    }

    static Polygon disc(double radiusMm) {
        GeometricShapeFactory f = new GeometricShapeFactory(GEOMETRY);
        f.setCentre(new Coordinate(0, 0));
        f.setSize(2 * radiusMm);
        f.setNumPoints(720);
        return f.createCircle();
    }

    static Polygon rectangle(double x0, double y0, double x1, double y1) {
        return GEOMETRY.createPolygon(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y0),
            new Coordinate(x1, y1), new Coordinate(x0, y1), new Coordinate(x0, y0)});
    }

    /** A round body (radius 60) with two legs 30 wide and 70 long below it, 40 apart: a simple toy. */
    static Polygon toy() {
        Geometry body = disc(60);
        Geometry legs = rectangle(-50, 20, -20, 110).union(rectangle(20, 20, 50, 110));
        return (Polygon) body.union(legs).buffer(3).buffer(-3);
    }

    /** Radius of the circle with the same area, mm. */
    static double equivalentRadius(Polygon p) {
        return Math.sqrt(p.getArea() / Math.PI);
    }
}
