package dev.cuddlies.pattern.stuffing.internal;

import dev.cuddlies.pattern.stuffing.StuffedShape;
import dev.cuddlies.pattern.stuffing.StuffingConfig;
import org.locationtech.jts.geom.Polygon;

/**
 * One pattern piece being stuffed: its mesh, the sewn two-layer membrane and the solver, kept
 * together so the pattern can be recut and the toy restuffed from the shape it had (compensation's
 * rounds, as in Plushie: the mesh stays, its rest shape moves).
 */
public final class StuffingRun {

    /**
     * After a recut, the stuffed shape is first moved in the plane by this share of how the pattern
     * moved (stuffing keeps 64–76 % of a width; a prediction the solver then corrects), so
     * restuffing starts near where it will end.
     */
    public static final double CARRY = 0.7;

    private final StuffingConfig config;
    private final PatternMesh mesh;
    private final Membrane membrane;
    private final StuffingSolver solver;

    /** @param pattern the stitch line, mm. Not modified. */
    public StuffingRun(Polygon pattern, StuffingConfig config) {
        this.config = config;
        this.mesh = PatternMesher.mesh(pattern, config.targetVertices());
        this.membrane = new Membrane(mesh);
        this.solver = new StuffingSolver(mesh, config.fabric().maxStretch());
    }

    public PatternMesh mesh() {
        return mesh;
    }

    /** Stuffs the toy from flat; returns the solver's iterations. */
    public int stuff() {
        int iterations = solver.stuffFromFlat(config.stuffIterations());
        solver.writeTo(membrane);
        return iterations;
    }

    /**
     * Recuts both pieces to new pattern vertex positions (same mesh, mm) and stuffs again from the
     * current shape; returns the solver's iterations. The arrays are kept: do not modify them.
     */
    public int recutAndRestuff(double[] x, double[] y) {
        solver.carry(membrane.restX, membrane.restY, x, y, CARRY);
        membrane.setRestShape(x, y);
        solver.recut(x, y);
        int iterations = solver.restuff(config.roundIterations());
        solver.writeTo(membrane);
        return iterations;
    }

    /**
     * The current shape, stuffed firmly or, with {@code fill} below 1, its deformation from the
     * flat pattern scaled by {@code fill} (a loosely stuffed toy).
     */
    public StuffedShape shape(double fill) {
        double[] p = membrane.position.clone();
        if (fill < 1) {
            for (int v = 0; v < membrane.vertexCount(); v++) {
                int q = membrane.patternOf[v];
                p[3 * v] = membrane.restX[q] + fill * (p[3 * v] - membrane.restX[q]);
                p[3 * v + 1] = membrane.restY[q] + fill * (p[3 * v + 1] - membrane.restY[q]);
                p[3 * v + 2] = fill * p[3 * v + 2];
            }
        }
        int[] triangles = membrane.triangles.clone();
        int[] seam = mesh.seam().clone();
        Polygon silhouette = Projections.frontSilhouette(p, triangles, seam);
        double zMin = Double.POSITIVE_INFINITY;
        double zMax = Double.NEGATIVE_INFINITY;
        for (int i = 2; i < p.length; i += 3) {
            zMin = Math.min(zMin, p[i]);
            zMax = Math.max(zMax, p[i]);
        }
        var env = silhouette.getEnvelopeInternal();
        double volume = Membrane.volume(p, triangles);
        return new StuffedShape(p, triangles, seam, silhouette,
                Projections.thickness(p, triangles, env), env.getWidth(), env.getHeight(), zMax - zMin, volume);
    }

    /** Largest stretch of the fabric in the current shape (0 = none); for checks and benchmarks. */
    public double maxStrain() {
        return solver.maxStrain();
    }
}
