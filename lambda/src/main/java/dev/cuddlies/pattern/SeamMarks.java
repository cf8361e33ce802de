package dev.cuddlies.pattern;

import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;

import java.util.ArrayList;
import java.util.List;

/**
 * Places marks along a stitch line by arc length: matching notches about every 10 cm, and the turning
 * gap on the flattest, lowest stretch of the body's own outline.
 *
 * <p>The body is what survives an opening of the stitch polygon by {@value #BODY_OPENING_SHARE} of its
 * largest inscribed radius: limbs, tails, ears and points are narrower and vanish. The gap lies only
 * where the stitch line is also the body's outline, so the body turns through it and no limb has to.
 * Its length is {@value #GAP_SHARE_OF_BODY} of the body's inscribed diameter (a fist of stuffing
 * passes), between {@value #MIN_GAP_MM} and {@value #MAX_GAP_MM} mm. A straight, low opening is
 * easiest to ladder-stitch closed and the toy stands on the closed seam.
 */
final class SeamMarks {

    /** Share of the largest inscribed radius the body is opened by; the outside check uses 0.3. */
    static final double BODY_OPENING_SHARE = 0.45;
    static final double GAP_SHARE_OF_BODY = 0.4;
    static final double MIN_GAP_MM = 40;
    static final double MAX_GAP_MM = 120;
    /** The gap keeps this far from where a part is sewn into the seam, mm. */
    static final double CLEAR_OF_PLACEMENTS_MM = 15;
    private static final double ON_OUTLINE_MM = 0.6;
    /** Cost of a gap at the top against one at the bottom, in radians of turning along it. */
    private static final double LOWNESS_WEIGHT = 4;
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

    /** The body: the stitch polygon opened by {@link #BODY_OPENING_SHARE} of its largest inscribed radius. */
    Geometry body() {
        double r = inscribedRadius();
        return SewableShape.largest(stitch.buffer(-BODY_OPENING_SHARE * r, 24).buffer(BODY_OPENING_SHARE * r, 24));
    }

    double inscribedRadius() {
        return new MaximumInscribedCircle(stitch, 0.1).getRadiusLine().getLength();
    }

    /** The gap's length for this body, mm. */
    double gapLengthMm() {
        double gap = GAP_SHARE_OF_BODY * 2 * inscribedRadius();
        return Math.min(perimeter / 4, Math.max(MIN_GAP_MM, Math.min(MAX_GAP_MM, gap)));
    }

    /**
     * The turning gap: points along the stitch line from its start to its end, all on the body's outline
     * and clear of {@code placements}.
     */
    List<Coordinate> turningGap(List<Coordinate> placements) {
        IndexedFacetDistance toBody = new IndexedFacetDistance(body().getBoundary());
        int n = Math.max(8, (int) Math.ceil(perimeter / STEP_MM));
        double step = perimeter / n;
        Coordinate[] pts = new Coordinate[n];
        boolean[] eligible = new boolean[n];
        var env = stitch.getEnvelopeInternal();
        for (int i = 0; i < n; i++) {
            Coordinate at = line.extractPoint(i * step);
            pts[i] = at;
            boolean clear = placements.stream().allMatch(p -> p.distance(at) > CLEAR_OF_PLACEMENTS_MM);
            eligible[i] = clear && toBody.distance(stitch.getFactory().createPoint(at)) < ON_OUTLINE_MM;
        }
        // Direction changes summed with a running total so each candidate stretch costs O(1).
        double[] turn = new double[2 * n + 1];
        int[] blocked = new int[2 * n + 1];
        for (int i = 0; i < 2 * n; i++) {
            turn[i + 1] = turn[i] + Math.abs(turn(pts[i % n], pts[(i + 1) % n], pts[(i + 2) % n]));
            blocked[i + 1] = blocked[i] + (eligible[i % n] ? 0 : 1);
        }
        for (double gap = gapLengthMm(); gap >= Math.min(MIN_GAP_MM, gapLengthMm()) - 1e-9; gap -= 5) {
            int span = Math.max(1, (int) Math.round(gap / step));
            double bestCost = Double.MAX_VALUE;
            int bestStart = -1;
            for (int i = 0; i < n; i++) {
                if (blocked[i + span + 1] - blocked[i] > 0) {
                    continue;
                }
                Coordinate mid = pts[(i + span / 2) % n];
                double lowness = (mid.y - env.getMinY()) / Math.max(1e-9, env.getHeight()); // 1 = bottom (y down)
                double cost = turn[i + span - 1] - turn[i] + LOWNESS_WEIGHT * (1 - lowness);
                if (cost < bestCost) {
                    bestCost = cost;
                    bestStart = i;
                }
            }
            if (bestStart >= 0) {
                return along(bestStart * step, gap);
            }
        }
        // No stretch long enough: the longest run on the body's outline, centred.
        int bestStart = -1;
        int bestRun = 0;
        for (int i = 0; i < n; i++) {
            if (!eligible[i] || eligible[(i - 1 + n) % n]) {
                continue;
            }
            int run = 0;
            while (run < n && eligible[(i + run) % n]) {
                run++;
            }
            if (run > bestRun) {
                bestRun = run;
                bestStart = i;
            }
        }
        if (bestStart < 0) {
            return along(0, Math.min(MIN_GAP_MM, perimeter / 4));
        }
        return along(bestStart * step, Math.max(step, (bestRun - 1) * step));
    }

    private List<Coordinate> along(double start, double length) {
        List<Coordinate> points = new ArrayList<>();
        int steps = Math.max(2, (int) Math.ceil(length / 2));
        for (int i = 0; i <= steps; i++) {
            points.add(line.extractPoint(wrap(start + length * i / steps)));
        }
        return points;
    }

    /** Signed change of direction at b when going a → b → c, radians. */
    private static double turn(Coordinate a, Coordinate b, Coordinate c) {
        double d = Math.atan2(c.y - b.y, c.x - b.x) - Math.atan2(b.y - a.y, b.x - a.x);
        return Math.atan2(Math.sin(d), Math.cos(d));
    }

    /** The point of the stitch line nearest to {@code c}. */
    Coordinate onLine(Coordinate c) {
        return line.extractPoint(line.project(c));
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
