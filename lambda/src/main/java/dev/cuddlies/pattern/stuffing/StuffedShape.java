package dev.cuddlies.pattern.stuffing;

import org.locationtech.jts.geom.Polygon;

/**
 * The simulated stuffed toy, in the pattern's millimetres: x and y as on the pattern (y down),
 * z towards the viewer of the front piece.
 *
 * @param vertices        x, y, z per vertex, mm. Not to be modified.
 * @param triangles       three vertex indices per triangle, facing outward. Not to be modified.
 * @param seam            the stitch line's vertices in order. Not to be modified.
 * @param frontSilhouette the toy seen from the front, mm
 * @param thickness       back-to-front thickness seen from the front
 * @param widthMm         width of the front silhouette
 * @param heightMm        height of the front silhouette
 * @param thicknessMm     greatest back-to-front thickness
 * @param volumeMm3       volume the stuffing fills
 */
public record StuffedShape(double[] vertices, int[] triangles, int[] seam, Polygon frontSilhouette,
                           ThicknessMap thickness, double widthMm, double heightMm, double thicknessMm,
                           double volumeMm3) {
}
