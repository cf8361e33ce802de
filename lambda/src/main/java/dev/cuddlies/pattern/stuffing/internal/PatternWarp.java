package dev.cuddlies.pattern.stuffing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Moves a pattern mesh's stitch line by given amounts and carries the inside along smoothly (a
 * harmonic extension: every inside vertex moves by the mean of its neighbours' moves), so the
 * triangles the fabric is cut into stay well shaped and the mesh can be restuffed as it is.
 */
public final class PatternWarp {

    /** Successive over-relaxation sweeps of the harmonic extension. */
    public static final int SWEEPS = 150;
    private static final double OVER_RELAXATION = 1.8;
    /** A warp is refused when a triangle would keep less than this share of its area (or fold over). */
    public static final double MIN_AREA_SHARE = 0.2;

    private final PatternMesh mesh;
    private final int[] start;
    private final int[] neighbours;
    private final boolean[] onSeam;

    public PatternWarp(PatternMesh mesh) {
        this.mesh = mesh;
        int n = mesh.vertexCount();
        int[] t = mesh.triangles();
        List<Set<Integer>> adjacent = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            adjacent.add(new TreeSet<>());
        }
        for (int i = 0; i < t.length; i += 3) {
            for (int k = 0; k < 3; k++) {
                adjacent.get(t[i + k]).add(t[i + (k + 1) % 3]);
                adjacent.get(t[i + (k + 1) % 3]).add(t[i + k]);
            }
        }
        start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + adjacent.get(i).size();
        }
        neighbours = new int[start[n]];
        for (int i = 0, k = 0; i < n; i++) {
            for (int j : adjacent.get(i)) {
                neighbours[k++] = j;
            }
        }
        onSeam = new boolean[n];
        for (int v : mesh.seam()) {
            onSeam[v] = true;
        }
    }

    /**
     * @param x       current pattern vertex x, mm. Not modified. (y likewise.)
     * @param seamDx  move of each seam vertex, in seam order, mm. (seamDy likewise.)
     * @return the moved positions {x, y}, or null when the move would fold or crush a triangle
     */
    public double[][] warp(double[] x, double[] y, double[] seamDx, double[] seamDy) {
        int n = mesh.vertexCount();
        double[] ux = new double[n];
        double[] uy = new double[n];
        int[] seam = mesh.seam();
        for (int k = 0; k < seam.length; k++) {
            ux[seam[k]] = seamDx[k];
            uy[seam[k]] = seamDy[k];
        }
        for (int s = 0; s < SWEEPS; s++) {
            for (int v = 0; v < n; v++) {
                if (onSeam[v]) {
                    continue;
                }
                double sx = 0;
                double sy = 0;
                for (int k = start[v]; k < start[v + 1]; k++) {
                    sx += ux[neighbours[k]];
                    sy += uy[neighbours[k]];
                }
                int degree = start[v + 1] - start[v];
                ux[v] += OVER_RELAXATION * (sx / degree - ux[v]);
                uy[v] += OVER_RELAXATION * (sy / degree - uy[v]);
            }
        }
        double[] nx = new double[n];
        double[] ny = new double[n];
        for (int v = 0; v < n; v++) {
            nx[v] = x[v] + ux[v];
            ny[v] = y[v] + uy[v];
        }
        int[] t = mesh.triangles();
        for (int i = 0; i < t.length; i += 3) {
            if (area(nx, ny, t, i) < MIN_AREA_SHARE * area(x, y, t, i)) {
                return null;
            }
        }
        return new double[][] {nx, ny};
    }

    private static double area(double[] x, double[] y, int[] t, int i) {
        int a = t[i];
        int b = t[i + 1];
        int c = t[i + 2];
        return ((x[b] - x[a]) * (y[c] - y[a]) - (y[b] - y[a]) * (x[c] - x[a])) / 2;
    }
}
