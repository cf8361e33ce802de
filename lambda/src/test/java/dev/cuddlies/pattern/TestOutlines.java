package dev.cuddlies.pattern;

import dev.cuddlies.outline.Outline;
import dev.cuddlies.pattern.stuffing.StuffingMode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Outlines with known geometry, in pixel coordinates (y down, clockwise on screen). The figures below
 * are the review's hard cases drawn by hand: a tall figure of 300 px is 1 mm per px at 30 cm.
 */
final class TestOutlines {

    private static final GeometryFactory GF = new GeometryFactory();

    private TestOutlines() {
    }

    /**
     * The defaults with stuffing off: the pattern is cut to the outline as traced, so a test sees the
     * sewability rules' own geometry. (OutsideCheckTest checks the rules on compensated patterns.)
     */
    static PatternSpec asTraced() {
        return PatternSpec.defaults().withStuffing(StuffingMode.OFF);
    }

    static Outline of(double... xy) {
        List<Outline.Point> pts = new ArrayList<>();
        for (int i = 0; i < xy.length; i += 2) {
            pts.add(new Outline.Point(xy[i], xy[i + 1]));
        }
        return new Outline(1000, 1000, pts, 0, List.of(), Map.of());
    }

    /** A disc of radius r px centred at (500, 500). */
    static Outline disc(double r) {
        return of(ring(ellipse(500, 500, r, r)));
    }

    /** A 200 x 300 px body with a thin 10 px arm sticking out to the right at mid height. */
    static Outline bodyWithThinArm() {
        return of(100, 100, 300, 100, 300, 245, 450, 245, 450, 255, 300, 255, 300, 400, 100, 400);
    }

    /** Kangaroo-like: an upright body and head, feet, and a long 16 px tail lying lowest of all. */
    static Outline kangaroo() {
        return union(ellipse(500, 380, 90, 140), ellipse(540, 220, 55, 50),
                strip(455, 450, 200, 590, 16), strip(205, 588, 120, 600, 14),
                box(470, 500, 560, 540));
    }

    /** An insect: a round body with two 4 px antennae 140 px long. */
    static Outline antennae() {
        return union(ellipse(500, 550, 120, 120), strip(460, 440, 400, 300, 4), strip(540, 440, 600, 300, 4));
    }

    /** An insect whose two 4 px antennae are longer than its body: too long to embroider on it. */
    static Outline longAntennae() {
        return union(ellipse(500, 700, 90, 90), strip(470, 620, 300, 200, 4), strip(530, 620, 700, 200, 4));
    }

    /** A cat face with three 3 px whiskers each side, reaching 45 px beyond the cheeks. */
    static Outline whiskers() {
        List<Geometry> parts = new ArrayList<>(List.of(ellipse(500, 500, 130, 120)));
        for (int i = -1; i <= 1; i++) {
            parts.add(strip(400, 530 + 15 * i, 325, 520 + 30 * i, 3));
            parts.add(strip(600, 530 + 15 * i, 675, 520 + 30 * i, 3));
        }
        return union(parts.toArray(new Geometry[0]));
    }

    /** A flamingo-like bird: a body on two 8 px legs 150 px long, 10 px apart. */
    static Outline thinLegs() {
        return union(ellipse(500, 300, 120, 80), strip(491, 360, 491, 520, 8), strip(509, 360, 509, 520, 8));
    }

    /** A starfish-like figure: a small body with eight 10 px arms, thin all over at 30 cm. */
    static Outline star() {
        List<Geometry> parts = new ArrayList<>(List.of(ellipse(500, 500, 40, 40)));
        for (int i = 0; i < 8; i++) {
            double a = Math.PI * i / 4;
            parts.add(strip(500 + 30 * Math.cos(a), 500 + 30 * Math.sin(a), 500 + 160 * Math.cos(a),
                    500 + 160 * Math.sin(a), 10));
        }
        return union(parts.toArray(new Geometry[0]));
    }

    /** A bat: wide wings whose lower edges meet in a sharp V at the bottom. */
    static Outline bat() {
        return of(100, 300, 300, 250, 420, 200, 500, 230, 580, 200, 700, 250, 900, 300,
                800, 380, 700, 360, 600, 420, 500, 560, 400, 420, 300, 360, 200, 380);
    }

    /** Two fat legs 40 px wide with an 8 px slit between them. */
    static Outline slit() {
        return union(box(380, 200, 620, 420), box(452, 420, 496, 560), box(504, 420, 548, 560));
    }

    /** A body with a 20 px speck glued on by a 6 px neck. */
    static Outline speck() {
        return union(ellipse(500, 450, 120, 150), strip(610, 450, 665, 450, 6), ellipse(672, 450, 12, 12));
    }

    static Polygon ellipse(double cx, double cy, double rx, double ry) {
        int n = 180;
        Coordinate[] c = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            c[i] = new Coordinate(cx + rx * Math.cos(a), cy + ry * Math.sin(a));
        }
        c[n] = c[0];
        return GF.createPolygon(c);
    }

    static Geometry strip(double x0, double y0, double x1, double y1, double width) {
        return GF.createLineString(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y1)})
                .buffer(width / 2, 2, org.locationtech.jts.operation.buffer.BufferParameters.CAP_FLAT);
    }

    static Polygon box(double x0, double y0, double x1, double y1) {
        return GF.createPolygon(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y0),
            new Coordinate(x1, y1), new Coordinate(x0, y1), new Coordinate(x0, y0)});
    }

    static Outline union(Geometry... parts) {
        Geometry u = GF.createGeometryCollection(parts).union();
        if (!(u instanceof Polygon p)) {
            throw new IllegalArgumentException("the parts do not join into one figure: " + u.getGeometryType());
        }
        return of(ring(p));
    }

    private static double[] ring(Polygon p) {
        Coordinate[] c = p.getExteriorRing().getCoordinates();
        double[] xy = new double[2 * (c.length - 1)];
        for (int i = 0; i < c.length - 1; i++) {
            xy[2 * i] = c[i].x;
            xy[2 * i + 1] = c[i].y;
        }
        return xy;
    }
}
