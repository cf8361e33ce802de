package dev.cuddlies.pattern.stuffing.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Stuffs a sewn pattern piece: finds the shape of least {@link StuffingEnergy} (the stuffing at
 * rest against the fabric) with L-BFGS, from a shallow dome or from the shape of a previous solve
 * after the pattern was recut. Deterministic: no randomness, fixed order of operations.
 */
public final class StuffingSolver {

    /**
     * Fabric stretched past its limit costs this × the piece's size (per unit area, per unit
     * strain²) against a pressure of 1; a disc then overshoots its limit by about 0.4 %.
     */
    public static final double STRETCH_STIFFNESS = 300;
    /** Fabric gathers by at most this share (a Mylar balloon's rim gathers by 24 %). */
    public static final double MAX_GATHER = 0.4;
    /**
     * The seam line's bending: energy per vertex {@code SEAM_BENDING × edge × |second difference|²}
     * against a pressure of 1. Small: it only has to remove zig-zags, which cost nothing else.
     */
    public static final double SEAM_BENDING = 0.5;
    /**
     * The flat pieces start as a very shallow dome (height this share of the distance to the seam),
     * which tells front from back without stretching anything.
     */
    public static final double DOME = 0.02;
    /** No solver step moves a vertex by more than this share of the mean edge length. */
    public static final double MAX_MOVE = 0.25;
    /** Curvature pairs L-BFGS remembers. */
    public static final int LBFGS_MEMORY = 10;
    /** At rest when no vertex is pushed by more than this share of its share of the pressure. */
    public static final double FORCE_TOLERANCE = 1e-3;

    private final PatternMesh mesh;
    private final double maxStretch;
    private final double centreX;
    private final double centreY;
    /** Front layer: x y z per pattern vertex, centred on (centreX, centreY). */
    private final double[] front;
    private StuffingEnergy energy;
    private double tolerance;
    private double firstStep;
    private double maxMove;

    /** @param maxStretch the fabric's largest strain (0 = inextensible) */
    public StuffingSolver(PatternMesh mesh, double maxStretch) {
        this.mesh = mesh;
        this.maxStretch = maxStretch;
        int n = mesh.vertexCount();
        double sx = 0;
        double sy = 0;
        for (int v = 0; v < n; v++) {
            sx += mesh.x()[v];
            sy += mesh.y()[v];
        }
        centreX = sx / n;
        centreY = sy / n;
        front = new double[3 * n];
        recut(mesh.x(), mesh.y());
    }

    /** Lays the front as a shallow dome over the pattern and stuffs it; returns L-BFGS iterations. */
    public int stuffFromFlat(int maxIterations) {
        double[] depth = seamDistance();
        for (int v = 0; v < mesh.vertexCount(); v++) {
            front[3 * v] = mesh.x()[v] - centreX;
            front[3 * v + 1] = mesh.y()[v] - centreY;
            front[3 * v + 2] = DOME * depth[v];
        }
        return restuff(maxIterations);
    }

    /**
     * Recuts the pieces to new pattern vertex positions (same mesh), mm. The shape stays as it was
     * until {@link #restuff}. The arrays are read, not kept.
     */
    public void recut(double[] x, double[] y) {
        double area = 0;
        int[] t = mesh.triangles();
        for (int i = 0; i < t.length; i += 3) {
            area += 0.5 * Math.abs((x[t[i + 1]] - x[t[i]]) * (y[t[i + 2]] - y[t[i]])
                    - (y[t[i + 1]] - y[t[i]]) * (x[t[i + 2]] - x[t[i]]));
        }
        double edge = 0;
        for (int i = 0; i < t.length; i += 3) {
            for (int k = 0; k < 3; k++) {
                int a = t[i + k];
                int b = t[i + (k + 1) % 3];
                edge += Math.hypot(x[a] - x[b], y[a] - y[b]);
            }
        }
        edge /= t.length;
        double size = Math.sqrt(area / Math.PI);
        double stiffness = STRETCH_STIFFNESS * size;
        energy = new StuffingEnergy(mesh, x, y, maxStretch, MAX_GATHER, stiffness, SEAM_BENDING * edge * edge);
        // The pressure on a vertex is about its share of the area.
        tolerance = FORCE_TOLERANCE * area / mesh.vertexCount();
        firstStep = 0.1 * edge;
        maxMove = MAX_MOVE * edge;
    }

    /**
     * Moves the stuffed shape in the plane by {@code share} of each pattern vertex's move from
     * (oldX, oldY) to (newX, newY), mm. The arrays are read, not kept.
     */
    public void carry(double[] oldX, double[] oldY, double[] newX, double[] newY, double share) {
        for (int v = 0; v < mesh.vertexCount(); v++) {
            front[3 * v] += share * (newX[v] - oldX[v]);
            front[3 * v + 1] += share * (newY[v] - oldY[v]);
        }
    }

    /** Stuffs again from the current shape; returns L-BFGS iterations. */
    public int restuff(int maxIterations) {
        return new Lbfgs(LBFGS_MEMORY).minimise(energy, front, maxIterations, tolerance, firstStep, maxMove);
    }

    /** Both layers' positions in {@link Membrane}'s order: the front, then the mirrored back. */
    public void writeTo(Membrane membrane) {
        double[] p = membrane.position;
        for (int v = 0; v < mesh.vertexCount(); v++) {
            int b = membrane.backOf(v);
            p[3 * v] = front[3 * v] + centreX;
            p[3 * v + 1] = front[3 * v + 1] + centreY;
            p[3 * v + 2] = front[3 * v + 2];
            p[3 * b] = p[3 * v];
            p[3 * b + 1] = p[3 * v + 1];
            p[3 * b + 2] = -front[3 * v + 2];
        }
    }

    /** Largest stretch of the fabric beyond its rest length in the current shape (0 = none). */
    public double maxStrain() {
        return energy.maxStrain(front);
    }

    /** Distance from the seam along mesh edges, mm, per pattern vertex (Dijkstra). */
    private double[] seamDistance() {
        int n = mesh.vertexCount();
        double[] d = new double[n];
        Arrays.fill(d, Double.MAX_VALUE);
        PriorityQueue<double[]> queue = new PriorityQueue<>((a, b) -> Double.compare(a[0], b[0]));
        for (int v : mesh.seam()) {
            d[v] = 0;
            queue.add(new double[] {0, v});
        }
        List<List<Integer>> adjacent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            adjacent.add(new ArrayList<>());
        }
        int[] t = mesh.triangles();
        for (int i = 0; i < t.length; i += 3) {
            for (int j = 0; j < 3; j++) {
                adjacent.get(t[i + j]).add(t[i + (j + 1) % 3]);
                adjacent.get(t[i + (j + 1) % 3]).add(t[i + j]);
            }
        }
        while (!queue.isEmpty()) {
            double[] top = queue.poll();
            int v = (int) top[1];
            if (top[0] > d[v]) {
                continue;
            }
            for (int w : adjacent.get(v)) {
                double nd = d[v] + Math.hypot(mesh.x()[v] - mesh.x()[w], mesh.y()[v] - mesh.y()[w]);
                if (nd < d[w]) {
                    d[w] = nd;
                    queue.add(new double[] {nd, w});
                }
            }
        }
        return d;
    }
}
