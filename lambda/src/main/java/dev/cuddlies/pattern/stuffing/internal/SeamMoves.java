package dev.cuddlies.pattern.stuffing.internal;

/**
 * Applies moves to a pattern mesh's stitch line without letting the line cross itself (two parts
 * grown into each other cannot both be cut) or folding the mesh: moves near a crossing are dropped
 * for this round, and moves that would fold a triangle are halved.
 */
public final class SeamMoves {

    /** Around a crossing, this many stitch-line vertices either side keep still. */
    public static final int HOLD_NEIGHBOURS = 3;
    private static final int MAX_ATTEMPTS = 8;

    private SeamMoves() {
    }

    /**
     * @param x, y   current pattern vertex positions, mm. Not modified.
     * @param dx, dy wanted move per seam vertex, mm. Modified: what could not be moved is cut.
     * @return the moved pattern vertex positions {x, y}, or null if nothing could be moved
     */
    public static double[][] apply(PatternMesh mesh, PatternWarp warp, double[] x, double[] y,
                                   double[] dx, double[] dy) {
        int[] seam = mesh.seam();
        int n = seam.length;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            double[] rx = new double[n];
            double[] ry = new double[n];
            for (int k = 0; k < n; k++) {
                rx[k] = x[seam[k]] + dx[k];
                ry[k] = y[seam[k]] + dy[k];
            }
            boolean[] crossing = SeamCrossings.crossing(rx, ry);
            boolean any = false;
            for (int k = 0; k < n; k++) {
                if (crossing[k]) {
                    any = true;
                    for (int j = -HOLD_NEIGHBOURS; j <= HOLD_NEIGHBOURS + 1; j++) {
                        int v = ((k + j) % n + n) % n;
                        dx[v] = 0;
                        dy[v] = 0;
                    }
                }
            }
            if (any) {
                continue;
            }
            double[][] moved = warp.warp(x, y, dx, dy);
            if (moved != null) {
                return moved;
            }
            for (int k = 0; k < n; k++) {
                dx[k] /= 2;
                dy[k] /= 2;
            }
        }
        return null;
    }
}
