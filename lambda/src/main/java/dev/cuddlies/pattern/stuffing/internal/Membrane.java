package dev.cuddlies.pattern.stuffing.internal;

/**
 * The sewn toy before stuffing: the front and back layers of a pattern piece joined along the
 * stitch line, as one closed triangle mesh. Vertex {@code v} of the pattern mesh is vertex {@code v}
 * of the front layer (seam vertices included); the back layer's own vertices follow. Triangles face
 * outward: the front towards +z, the back towards −z.
 *
 * <p>Positions are written by {@link StuffingSolver}; the rest shape (the flat pattern both layers
 * are cut from) changes only through {@link #setRestShape}.
 */
public final class Membrane {

    final PatternMesh pattern;
    /** x, y, z of every vertex, mm. */
    final double[] position;
    /** Outward triangles of both layers, three vertex indices each. */
    final int[] triangles;
    /** The pattern vertex each vertex was cut at. */
    final int[] patternOf;
    /** Back-layer vertex of each pattern vertex (itself on the seam). */
    final int[] backOf;
    /** Rest shape: pattern vertex positions, mm. */
    double[] restX;
    double[] restY;

    public Membrane(PatternMesh pattern) {
        this.pattern = pattern;
        int n2 = pattern.vertexCount();
        boolean[] onSeam = new boolean[n2];
        for (int v : pattern.seam()) {
            onSeam[v] = true;
        }
        backOf = new int[n2];
        int next = n2;
        for (int v = 0; v < n2; v++) {
            backOf[v] = onSeam[v] ? v : next++;
        }
        patternOf = new int[next];
        for (int v = 0; v < n2; v++) {
            patternOf[v] = v;
            patternOf[backOf[v]] = v;
        }
        position = new double[3 * next];
        int[] t2 = pattern.triangles();
        triangles = new int[2 * t2.length];
        for (int t = 0; t < t2.length; t += 3) {
            triangles[t] = t2[t];
            triangles[t + 1] = t2[t + 1];
            triangles[t + 2] = t2[t + 2];
            // Reversed on the back so it faces outward (−z).
            triangles[t2.length + t] = backOf[t2[t]];
            triangles[t2.length + t + 1] = backOf[t2[t + 2]];
            triangles[t2.length + t + 2] = backOf[t2[t + 1]];
        }
        restX = pattern.x();
        restY = pattern.y();
        flatten();
    }

    /** Lays both layers flat on the rest shape (z = 0), as cut. */
    private void flatten() {
        for (int v = 0; v < patternOf.length; v++) {
            position[3 * v] = restX[patternOf[v]];
            position[3 * v + 1] = restY[patternOf[v]];
            position[3 * v + 2] = 0;
        }
    }

    /**
     * Recuts both layers from pattern vertex positions (same indices and triangles as the pattern
     * mesh), mm. The arrays are kept, not copied: do not modify them afterwards.
     */
    public void setRestShape(double[] x, double[] y) {
        restX = x;
        restY = y;
    }

    public int vertexCount() {
        return patternOf.length;
    }

    public int backOf(int patternVertex) {
        return backOf[patternVertex];
    }

    /** Enclosed volume, mm³ (positive: the mesh faces outward). */
    public double volume() {
        return volume(position, triangles);
    }

    /** Volume enclosed by outward triangles over positions (x, y, z per vertex), mm³. */
    static double volume(double[] p, int[] triangles) {
        double v = 0;
        for (int t = 0; t < triangles.length; t += 3) {
            int a = 3 * triangles[t];
            int b = 3 * triangles[t + 1];
            int c = 3 * triangles[t + 2];
            v += p[a] * (p[b + 1] * p[c + 2] - p[b + 2] * p[c + 1])
                    + p[a + 1] * (p[b + 2] * p[c] - p[b] * p[c + 2])
                    + p[a + 2] * (p[b] * p[c + 1] - p[b + 1] * p[c]);
        }
        return v / 6;
    }
}
