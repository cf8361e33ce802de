package dev.cuddlies.pattern.stuffing.internal;

/**
 * A flat pattern piece triangulated: vertex positions in pattern millimetres, triangles
 * counter-clockwise in the (x, y) plane, and the boundary (the stitch line) as one closed loop.
 * Arrays are owned by this object and never modified after construction.
 *
 * @param x         vertex x, mm
 * @param y         vertex y, mm
 * @param triangles vertex indices, three per triangle, counter-clockwise in (x, y)
 * @param seam      the boundary loop, vertex indices in order along the stitch line, first not repeated
 */
public record PatternMesh(double[] x, double[] y, int[] triangles, int[] seam) {

    public int vertexCount() {
        return x.length;
    }
}
