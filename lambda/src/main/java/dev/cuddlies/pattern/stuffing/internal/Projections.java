package dev.cuddlies.pattern.stuffing.internal;

import dev.cuddlies.pattern.stuffing.ThicknessMap;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.UnaryUnionOp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What the stuffed mesh looks like from the front: its silhouette and its thickness. */
public final class Projections {

    /** The thickness map's longer side has this many cells. */
    public static final int THICKNESS_CELLS = 160;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private Projections() {
    }

    /**
     * The front silhouette in pattern millimetres: the seam seen from the front, plus whatever
     * fabric bulges out past it. Holes are dropped: a toy seen from the front has none.
     *
     * @param position x, y, z per vertex, mm. Not modified.
     */
    public static Polygon frontSilhouette(double[] position, int[] triangles, int[] seam) {
        Coordinate[] ring = new Coordinate[seam.length + 1];
        for (int k = 0; k < seam.length; k++) {
            ring[k] = new Coordinate(position[3 * seam[k]], position[3 * seam[k] + 1]);
        }
        ring[seam.length] = ring[0].copy();
        Geometry seamShape = GEOMETRY.createPolygon(ring);
        if (!seamShape.isValid()) {
            seamShape = seamShape.buffer(0);
        }
        IndexedPointInAreaLocator inside = new IndexedPointInAreaLocator(seamShape);
        List<Geometry> parts = new ArrayList<>();
        parts.add(seamShape);
        for (int t = 0; t < triangles.length; t += 3) {
            Coordinate a = xy(position, triangles[t]);
            Coordinate b = xy(position, triangles[t + 1]);
            Coordinate c = xy(position, triangles[t + 2]);
            boolean out = inside.locate(a) == Location.EXTERIOR || inside.locate(b) == Location.EXTERIOR
                    || inside.locate(c) == Location.EXTERIOR;
            double area = Math.abs((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)) / 2;
            if (out && area > 1e-9) {
                parts.add(GEOMETRY.createPolygon(new Coordinate[] {a, b, c, a.copy()}));
            }
        }
        Geometry union = parts.size() == 1 ? seamShape : UnaryUnionOp.union(parts);
        return exterior(largest(union));
    }

    /** Thickness seen from the front: back-to-front distance per cell centre, mm. */
    public static ThicknessMap thickness(double[] position, int[] triangles, Envelope footprint) {
        double cell = Math.max(footprint.getWidth(), footprint.getHeight()) / THICKNESS_CELLS;
        int columns = (int) Math.ceil(footprint.getWidth() / cell) + 1;
        int rows = (int) Math.ceil(footprint.getHeight() / cell) + 1;
        double x0 = footprint.getMinX() - cell / 2;
        double y0 = footprint.getMinY() - cell / 2;
        float[] top = new float[columns * rows];
        float[] bottom = new float[columns * rows];
        Arrays.fill(top, Float.NEGATIVE_INFINITY);
        Arrays.fill(bottom, Float.POSITIVE_INFINITY);
        for (int t = 0; t < triangles.length; t += 3) {
            int a = 3 * triangles[t];
            int b = 3 * triangles[t + 1];
            int c = 3 * triangles[t + 2];
            double ax = (position[a] - x0) / cell - 0.5;
            double ay = (position[a + 1] - y0) / cell - 0.5;
            double bx = (position[b] - x0) / cell - 0.5;
            double by = (position[b + 1] - y0) / cell - 0.5;
            double cx = (position[c] - x0) / cell - 0.5;
            double cy = (position[c + 1] - y0) / cell - 0.5;
            double det = (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
            if (Math.abs(det) < 1e-12) {
                continue;
            }
            int i0 = Math.max(0, (int) Math.ceil(Math.min(ax, Math.min(bx, cx))));
            int i1 = Math.min(columns - 1, (int) Math.floor(Math.max(ax, Math.max(bx, cx))));
            int j0 = Math.max(0, (int) Math.ceil(Math.min(ay, Math.min(by, cy))));
            int j1 = Math.min(rows - 1, (int) Math.floor(Math.max(ay, Math.max(by, cy))));
            for (int j = j0; j <= j1; j++) {
                for (int i = i0; i <= i1; i++) {
                    double wb = ((i - ax) * (cy - ay) - (j - ay) * (cx - ax)) / det;
                    double wc = ((bx - ax) * (j - ay) - (by - ay) * (i - ax)) / det;
                    double wa = 1 - wb - wc;
                    if (wa < -1e-9 || wb < -1e-9 || wc < -1e-9) {
                        continue;
                    }
                    float z = (float) (wa * position[a + 2] + wb * position[b + 2] + wc * position[c + 2]);
                    int k = j * columns + i;
                    top[k] = Math.max(top[k], z);
                    bottom[k] = Math.min(bottom[k], z);
                }
            }
        }
        float[] thick = new float[columns * rows];
        for (int k = 0; k < thick.length; k++) {
            thick[k] = top[k] >= bottom[k] ? top[k] - bottom[k] : 0;
        }
        return new ThicknessMap(x0, y0, cell, columns, rows, thick);
    }

    /** Intersection over union of two shapes' areas after moving {@code b} so the centroids meet. */
    public static double centredIoU(Polygon a, Polygon b) {
        Coordinate ca = a.getCentroid().getCoordinate();
        Coordinate cb = b.getCentroid().getCoordinate();
        Geometry moved = org.locationtech.jts.geom.util.AffineTransformation
                .translationInstance(ca.x - cb.x, ca.y - cb.y).transform(b);
        double inter = a.intersection(moved).getArea();
        return inter / (a.getArea() + moved.getArea() - inter);
    }

    private static Coordinate xy(double[] position, int v) {
        return new Coordinate(position[3 * v], position[3 * v + 1]);
    }

    static Polygon largest(Geometry g) {
        Polygon best = null;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && (best == null || p.getArea() > best.getArea())) {
                best = p;
            }
        }
        if (best == null) {
            throw new IllegalStateException("the silhouette has no area");
        }
        return best;
    }

    private static Polygon exterior(Polygon p) {
        return GEOMETRY.createPolygon(p.getExteriorRing().getCoordinates());
    }
}
