package dev.cuddlies.pattern;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.linearref.LengthIndexedLine;

import java.util.ArrayList;
import java.util.List;

/**
 * Places marks along a stitch line by arc length: matching notches about every 10 cm, and the turning
 * gap on the flattest, lowest stretch of the seam (a straight, low opening is easiest to ladder-stitch
 * closed and lets the toy stand on the closed seam).
 */
final class SeamMarks {

    private static final double STEP_MM = 2;

    private final Polygon stitch;
    private final LengthIndexedLine line;
    private final double perimeter;
    private final double startIndex;

    SeamMarks(Polygon stitch) {
        this.stitch = stitch;
        this.line = new LengthIndexedLine(stitch.getExteriorRing());
        this.perimeter = stitch.getExteriorRing().getLength();
        this.startIndex = line.project(topmost(stitch));
    }

    double perimeter() {
        return perimeter;
    }

    /** Notches from the stitch line outward by {@code lengthMm}, evenly spaced from the top of the piece. */
    List<LineSegment> notches(double spacingMm, double lengthMm) {
        int count = Math.max(4, (int) Math.round(perimeter / spacingMm));
        List<LineSegment> notches = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double at = wrap(startIndex + i * perimeter / count);
            Coordinate p = line.extractPoint(at);
            Coordinate n = outwardNormal(at);
            notches.add(new LineSegment(p, new Coordinate(p.x + n.x * lengthMm, p.y + n.y * lengthMm)));
        }
        return notches;
    }

    /** The turning gap: points along the stitch line from its start to its end. */
    List<Coordinate> turningGap(double gapMm) {
        double gap = Math.min(gapMm, perimeter / 3);
        var env = stitch.getEnvelopeInternal();
        // Direction changes between points every STEP_MM, summed with a running total so each
        // candidate stretch costs O(1) instead of walking the ring again.
        int n = Math.max(8, (int) Math.ceil(perimeter / STEP_MM));
        double step = perimeter / n;
        Coordinate[] pts = new Coordinate[n];
        for (int i = 0; i < n; i++) {
            pts[i] = line.extractPoint(i * step);
        }
        double[] prefix = new double[2 * n + 1];
        for (int i = 0; i < 2 * n; i++) {
            prefix[i + 1] = prefix[i] + Math.abs(turn(pts[i % n], pts[(i + 1) % n], pts[(i + 2) % n]));
        }
        int span = Math.max(1, (int) Math.round(gap / step));
        double bestCost = Double.MAX_VALUE;
        int bestStart = 0;
        for (int i = 0; i < n; i++) {
            double turning = prefix[i + span - 1] - prefix[i];
            Coordinate mid = pts[(i + span / 2) % n];
            double lowness = (mid.y - env.getMinY()) / Math.max(1e-9, env.getHeight()); // 1 = bottom (y down)
            double cost = turning + 2.0 * (1 - lowness);
            if (cost < bestCost) {
                bestCost = cost;
                bestStart = i;
            }
        }
        List<Coordinate> points = new ArrayList<>();
        int steps = Math.max(2, (int) Math.ceil(gap / 2));
        for (int i = 0; i <= steps; i++) {
            points.add(line.extractPoint(wrap(bestStart * step + gap * i / steps)));
        }
        return points;
    }

    /** Signed change of direction at b when going a → b → c, radians. */
    private static double turn(Coordinate a, Coordinate b, Coordinate c) {
        double d = Math.atan2(c.y - b.y, c.x - b.x) - Math.atan2(b.y - a.y, b.x - a.x);
        return Math.atan2(Math.sin(d), Math.cos(d));
    }

    Coordinate outwardNormal(double at) {
        Coordinate a = line.extractPoint(wrap(at - 1));
        Coordinate b = line.extractPoint(wrap(at + 1));
        double dx = b.x - a.x;
        double dy = b.y - a.y;
        double len = Math.max(1e-9, Math.hypot(dx, dy));
        Coordinate n = new Coordinate(dy / len, -dx / len);
        Coordinate p = line.extractPoint(wrap(at));
        Coordinate probe = new Coordinate(p.x + n.x * 0.5, p.y + n.y * 0.5);
        if (stitch.contains(stitch.getFactory().createPoint(probe))) {
            n = new Coordinate(-n.x, -n.y);
        }
        return n;
    }

    private double wrap(double s) {
        double r = s % perimeter;
        return r < 0 ? r + perimeter : r;
    }

    private static Coordinate topmost(Polygon p) {
        Coordinate best = null;
        for (Coordinate c : p.getExteriorRing().getCoordinates()) {
            if (best == null || c.y < best.y) {
                best = c;
            }
        }
        return best;
    }
}
