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

    private static final double CANDIDATE_STEP_MM = 5;

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
        double bestCost = Double.MAX_VALUE;
        double bestStart = 0;
        for (double s = 0; s < perimeter; s += CANDIDATE_STEP_MM) {
            double turning = turning(s, gap);
            Coordinate mid = line.extractPoint(wrap(s + gap / 2));
            double lowness = (mid.y - env.getMinY()) / Math.max(1e-9, env.getHeight()); // 1 = bottom (y down)
            double cost = turning + 2.0 * (1 - lowness);
            if (cost < bestCost) {
                bestCost = cost;
                bestStart = s;
            }
        }
        List<Coordinate> points = new ArrayList<>();
        int steps = Math.max(2, (int) Math.ceil(gap / 2));
        for (int i = 0; i <= steps; i++) {
            points.add(line.extractPoint(wrap(bestStart + gap * i / steps)));
        }
        return points;
    }

    /** Total absolute change of direction along a stretch, radians. */
    private double turning(double start, double length) {
        double total = 0;
        double step = 2;
        Double previous = null;
        for (double s = 0; s + step <= length; s += step) {
            Coordinate a = line.extractPoint(wrap(start + s));
            Coordinate b = line.extractPoint(wrap(start + s + step));
            double angle = Math.atan2(b.y - a.y, b.x - a.x);
            if (previous != null) {
                double d = angle - previous;
                d = Math.atan2(Math.sin(d), Math.cos(d));
                total += Math.abs(d);
            }
            previous = angle;
        }
        return total;
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
