package dev.cuddlies.pattern.stuffing.internal;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.util.GeometricShapeFactory;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PatternMesherTest {

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private static Polygon disc(double r) {
        GeometricShapeFactory f = new GeometricShapeFactory();
        f.setSize(2 * r);
        f.setNumPoints(360);
        return f.createCircle();
    }

    private static Polygon box(double x0, double y0, double x1, double y1) {
        return GEOMETRY.createPolygon(new Coordinate[] {new Coordinate(x0, y0), new Coordinate(x1, y0),
            new Coordinate(x1, y1), new Coordinate(x0, y1), new Coordinate(x0, y0)});
    }

    /** Vertices of the sewn model: each layer's own, plus the seam both share. */
    private static int sewnVertices(PatternMesh mesh) {
        return 2 * mesh.vertexCount() - mesh.seam().length;
    }

    @Test
    void aDiscGetsAboutTheVerticesAskedFor() {
        for (int target : new int[] {500, 1500, 3000}) {
            PatternMesh mesh = PatternMesher.mesh(disc(100), target);
            assertThat(sewnVertices(mesh)).as("for %d", target).isBetween((int) (0.85 * target), (int) (1.1 * target));
        }
    }

    @Test
    void trianglesCoverThePieceOnceAndTheSeamWalksItsEdge() {
        Polygon piece = (Polygon) disc(80).union(box(-20, 0, 20, 150));
        PatternMesh mesh = PatternMesher.mesh(piece, 1500);
        double area = 0;
        for (int t = 0; t < mesh.triangles().length; t += 3) {
            double a = signedArea(mesh, t);
            assertThat(a).as("counter-clockwise triangle %d", t / 3).isPositive();
            area += a;
        }
        assertThat(area).isCloseTo(piece.getArea(), within(0.005 * piece.getArea()));
        Coordinate[] ring = new Coordinate[mesh.seam().length + 1];
        Set<Integer> distinct = new HashSet<>();
        for (int k = 0; k < mesh.seam().length; k++) {
            ring[k] = new Coordinate(mesh.x()[mesh.seam()[k]], mesh.y()[mesh.seam()[k]]);
            distinct.add(mesh.seam()[k]);
            // On the stitch line, but for inner corners rounded by the hairline clean-up (radius a quarter spacing).
            assertThat(piece.getExteriorRing().distance(GEOMETRY.createPoint(ring[k]))).isLessThan(1.5);
        }
        ring[mesh.seam().length] = ring[0];
        assertThat(distinct).hasSize(mesh.seam().length);
        Polygon seam = GEOMETRY.createPolygon(ring);
        assertThat(seam.isValid()).isTrue();
        assertThat(seam.getArea()).isCloseTo(area, within(1e-6 * area));
    }

    @Test
    void thinPartsAreMeshedFiner() {
        // A wide body with a long arm 15 mm wide: the arm must still have points inside it.
        Polygon piece = (Polygon) box(0, 0, 200, 200).union(box(200, 90, 400, 105));
        PatternMesh mesh = PatternMesher.mesh(piece, 1500);
        int insideArm = 0;
        for (int v = 0; v < mesh.vertexCount(); v++) {
            if (mesh.x()[v] > 220 && mesh.y()[v] > 91 && mesh.y()[v] < 104) {
                insideArm++;
            }
        }
        assertThat(insideArm).as("vertices inside the arm, off its edges").isGreaterThan(10);
    }

    @Test
    void hairlineSpikesAndSlitsLeaveNoSlivers() {
        Geometry piece = disc(100)
                .union(GEOMETRY.createPolygon(new Coordinate[] {new Coordinate(95, -0.3), new Coordinate(160, 0),
                    new Coordinate(95, 0.3), new Coordinate(95, -0.3)}))
                .difference(GEOMETRY.createPolygon(new Coordinate[] {new Coordinate(-101, -0.2),
                    new Coordinate(-40, 0), new Coordinate(-101, 0.2), new Coordinate(-101, -0.2)}));
        PatternMesh mesh = PatternMesher.mesh((Polygon) piece, 1500);
        for (int t = 0; t < mesh.triangles().length; t += 3) {
            assertThat(quality(mesh, t)).as("altitude / longest edge of triangle %d", t / 3).isGreaterThan(0.1);
        }
    }

    private static double signedArea(PatternMesh m, int t) {
        int a = m.triangles()[t];
        int b = m.triangles()[t + 1];
        int c = m.triangles()[t + 2];
        return ((m.x()[b] - m.x()[a]) * (m.y()[c] - m.y()[a]) - (m.y()[b] - m.y()[a]) * (m.x()[c] - m.x()[a])) / 2;
    }

    private static double quality(PatternMesh m, int t) {
        double longest = 0;
        for (int k = 0; k < 3; k++) {
            int a = m.triangles()[t + k];
            int b = m.triangles()[t + (k + 1) % 3];
            longest = Math.max(longest, Math.hypot(m.x()[a] - m.x()[b], m.y()[a] - m.y()[b]));
        }
        return 2 * signedArea(m, t) / longest / longest;
    }
}
