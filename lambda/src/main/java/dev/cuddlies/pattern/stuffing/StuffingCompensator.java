package dev.cuddlies.pattern.stuffing;

import dev.cuddlies.pattern.stuffing.internal.PatternMesh;
import dev.cuddlies.pattern.stuffing.internal.PatternWarp;
import dev.cuddlies.pattern.stuffing.internal.Projections;
import dev.cuddlies.pattern.stuffing.internal.RingFill;
import dev.cuddlies.pattern.stuffing.internal.SeamMoves;
import dev.cuddlies.pattern.stuffing.internal.StuffingRun;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateList;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.linearref.LengthIndexedLine;

import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * Enlarges a pattern where stuffing will pull it in, so the stuffed toy looks like the target
 * outline: Plushie's loop (Mori &amp; Igarashi 2007). The target is cut and stuffed in simulation;
 * each stitch-line point is then moved by how far its stuffed position fell short of its place on
 * the target, the pieces are recut (the same mesh, its rest shape moved) and restuffed from the
 * shape they had, until the silhouettes match. Moves are vectors, not offsets, so a leg the stuffed
 * body pulls inwards is moved out as well as widened.
 */
public final class StuffingCompensator {

    /**
     * Each round moves the stitch line by this multiple of the shortfall. More overshoots: the
     * restuffed shape lags the recut pattern by a round's worth of solver iterations.
     */
    public static final double GAIN = 1.0;
    /** Moves are averaged along the stitch line over about this length, mm: the simulation's grain. */
    public static final double SMOOTHING_MM = 10;

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final StuffingConfig config;

    public StuffingCompensator(StuffingConfig config) {
        this.config = config.checkValidity();
    }

    /**
     * @param targetMm the outline the stuffed toy should show from the front, at its real size, mm
     *                 (a simple polygon; holes are ignored). Not modified.
     * @param mode     {@link StuffingMode#OFF} returns the target itself, with its prediction
     */
    public Compensation compensate(Polygon targetMm, StuffingMode mode) {
        return compensate(targetMm, mode, () -> false);
    }

    /**
     * As {@link #compensate(Polygon, StuffingMode)}, stopping between rounds once {@code timeUp} says
     * so, with the best pattern found until then ({@link Compensation#timeRanOut()}). The first
     * stuffing, which every result needs, is not interrupted.
     */
    public Compensation compensate(Polygon targetMm, StuffingMode mode, BooleanSupplier timeUp) {
        Coordinate[] ring = new CoordinateList(targetMm.getExteriorRing().getCoordinates(), false).toCoordinateArray();
        Polygon target = GEOMETRY.createPolygon(ring);
        double fill = mode == StuffingMode.SOFT ? config.softFill() : 1;
        Coordinate targetCentre = target.getCentroid().getCoordinate();

        StuffingRun run = new StuffingRun(target, config);
        run.stuff();
        StuffedShape shape = run.shape(fill);
        double uncompensated = Projections.centredIoU(target, shape.frontSilhouette());
        if (mode == StuffingMode.OFF) {
            return new Compensation(target, shape, report(mode, shape, uncompensated, uncompensated), 0, false);
        }
        PatternMesh mesh = run.mesh();
        int[] seam = mesh.seam();
        int m = seam.length;
        double[] goalX = new double[m];
        double[] goalY = new double[m];
        for (int k = 0; k < m; k++) {
            goalX[k] = mesh.x()[seam[k]];
            goalY[k] = mesh.y()[seam[k]];
        }
        double seamLength = 0;
        for (int k = 0; k < m; k++) {
            seamLength += Math.hypot(goalX[(k + 1) % m] - goalX[k], goalY[(k + 1) % m] - goalY[k]);
        }
        PatternWarp warp = new PatternWarp(mesh);
        double[] x = mesh.x();
        double[] y = mesh.y();

        double bestIoU = uncompensated;
        StuffedShape best = shape;
        double[] bestX = x;
        double[] bestY = y;
        int rounds = 0;
        boolean timeRanOut = false;
        while (rounds < config.maxRounds() && bestIoU < config.goodEnoughIoU()) {
            if (timeUp.getAsBoolean()) {
                timeRanOut = true;
                break;
            }
            rounds++;
            Coordinate centre = shape.frontSilhouette().getCentroid().getCoordinate();
            double[] p = shape.vertices();
            double[] dx = new double[m];
            double[] dy = new double[m];
            for (int k = 0; k < m; k++) {
                dx[k] = GAIN * (goalX[k] - (p[3 * seam[k]] - centre.x + targetCentre.x));
                dy[k] = GAIN * (goalY[k] - (p[3 * seam[k] + 1] - centre.y + targetCentre.y));
            }
            double passes = SMOOTHING_MM / (seamLength / m);
            smoothAlongLoop(dx, passes);
            smoothAlongLoop(dy, passes);
            double[][] moved = SeamMoves.apply(mesh, warp, x, y, dx, dy);
            if (moved == null) {
                break;
            }
            x = moved[0];
            y = moved[1];
            run.recutAndRestuff(x, y);
            shape = run.shape(fill);
            double iou = Projections.centredIoU(target, shape.frontSilhouette());
            if (iou > bestIoU) {
                bestIoU = iou;
                best = shape;
                bestX = x;
                bestY = y;
            }
        }
        Polygon pattern = carryOnto(ring, mesh, goalX, goalY, bestX, bestY);
        return new Compensation(pattern, best, report(mode, best, bestIoU, uncompensated), rounds, timeRanOut);
    }

    private static StuffingReport report(StuffingMode mode, StuffedShape s, double iou, double uncompensated) {
        return new StuffingReport(mode, s.heightMm(), s.widthMm(), s.thicknessMm(), iou, uncompensated);
    }

    /** A [1 2 1]/4 filter repeated so its spread is about {@code widthSamples} samples. */
    private static void smoothAlongLoop(double[] v, double widthSamples) {
        int n = v.length;
        int passes = (int) Math.ceil(widthSamples * widthSamples / 2);
        double[] tmp = new double[n];
        for (int pass = 0; pass < passes; pass++) {
            for (int k = 0; k < n; k++) {
                tmp[k] = (v[(k + n - 1) % n] + 2 * v[k] + v[(k + 1) % n]) / 4;
            }
            System.arraycopy(tmp, 0, v, 0, n);
        }
    }

    /**
     * The target's own outline (every point of it, not just the mesh's coarser seam) moved as the
     * seam vertices were: each point by the move interpolated, along the outline, between the two
     * seam vertices either side of it. Filled where it winds (a line grown into itself is cut as one).
     */
    static Polygon carryOnto(Coordinate[] ring, PatternMesh mesh, double[] goalX, double[] goalY,
                             double[] x, double[] y) {
        LineString line = GEOMETRY.createLineString(ring);
        LengthIndexedLine along = new LengthIndexedLine(line);
        double length = line.getLength();
        int[] seam = mesh.seam();
        int m = seam.length;
        double[][] keyed = new double[m][];
        for (int k = 0; k < m; k++) {
            double s = along.project(new Coordinate(goalX[k], goalY[k]));
            keyed[k] = new double[] {s % length, x[seam[k]] - goalX[k], y[seam[k]] - goalY[k]};
        }
        Arrays.sort(keyed, (a, b) -> Double.compare(a[0], b[0]));
        Coordinate[] out = new Coordinate[ring.length];
        double s = 0;
        int k = 0;
        for (int i = 0; i < ring.length - 1; i++) {
            if (i > 0) {
                s += ring[i].distance(ring[i - 1]);
            }
            while (k < m && keyed[k][0] <= s) {
                k++;
            }
            double[] before = keyed[(k - 1 + m) % m];
            double[] after = keyed[k % m];
            double s0 = k == 0 ? before[0] - length : before[0];
            double s1 = k == m ? after[0] + length : after[0];
            double t = s1 > s0 ? (s - s0) / (s1 - s0) : 0;
            out[i] = new Coordinate(ring[i].x + before[1] + t * (after[1] - before[1]),
                    ring[i].y + before[2] + t * (after[2] - before[2]));
        }
        out[ring.length - 1] = out[0].copy();
        return RingFill.fill(out);
    }
}
