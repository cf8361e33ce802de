package dev.cuddlies.pattern.stuffing.internal;

import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateList;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.triangulate.ConformingDelaunayTriangulationBuilder;
import org.locationtech.jts.triangulate.quadedge.Vertex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Triangulates a pattern piece with about a given number of vertices: the stitch line resampled,
 * triangular lattices inside, joined by JTS's conforming Delaunay triangulation (which keeps every
 * stitch-line segment as a triangle edge). Parts narrower than {@link #THIN_PART_SPACINGS} lattice
 * spacings (limbs, ears, tails) get half the spacing, so a tube still has a few vertices across
 * its width and stuffs round.
 */
public final class PatternMesher {

    /** Parts narrower than this many lattice spacings are meshed at half the spacing. */
    public static final double THIN_PART_SPACINGS = 3;
    /** Features narrower than this many spacings are left out of the mesh. */
    public static final double FINEST_FEATURE_SPACINGS = 0.5;
    /** Lattice points closer to the stitch line than this share of their spacing are left out. */
    private static final double LATTICE_CLEARANCE = 0.5;
    /** Triangles thinner than this share of spacing² are slivers and are cut off the edge. */
    private static final double SLIVER_AREA_SHARE = 1e-4;
    /** A resampled stitch line that crosses itself is resampled this many times finer at most. */
    private static final int MAX_REFINEMENTS = 3;
    /**
     * Lattice points are moved by up to this share of the spacing, pseudo-randomly from a fixed
     * seed: exactly collinear rows make Delaunay triangulation produce flat triangles.
     */
    private static final double JITTER = 0.1;
    private static final long JITTER_SEED = 20261125L;
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private PatternMesher() {
    }

    /**
     * @param piece          the stitch line as a simple polygon, mm; holes are ignored. Not modified.
     * @param targetVertices about how many vertices the two-layer model should have (front interior,
     *                       back interior, and the seam they share)
     * @throws IllegalArgumentException when the piece cannot be triangulated as one piece
     */
    public static PatternMesh mesh(Polygon piece, int targetVertices) {
        return mesh(piece, targetVertices, targetVertices);
    }

    /**
     * The same piece meshed coarser: features are kept down to the size the finer mesh of
     * {@code finestVertices} keeps, so both meshes cover the same piece.
     */
    public static PatternMesh mesh(Polygon piece, int targetVertices, int finestVertices) {
        Polygon shape = GEOMETRY.createPolygon(piece.getExteriorRing().getCoordinates());
        if (!shape.isValid() || shape.getArea() <= 0) {
            throw new IllegalArgumentException("the pattern piece is not a simple polygon");
        }
        shape = withoutHairlines(shape, spacingFor(shape.getArea(), shape.getLength(), finestVertices));
        double spacing = spacingFor(shape.getArea(), shape.getLength(), targetVertices);
        Geometry thin = thinParts(shape, spacing);
        // Thin parts hold four times the lattice points and twice the seam points per area and length.
        spacing = spacingFor(shape.getArea() + 3 * thin.getArea(), shape.getLength() + thin.getLength() / 2,
                targetVertices);
        thin = thinParts(shape, spacing);
        IndexedPointInAreaLocator inThin = new IndexedPointInAreaLocator(thin.buffer(spacing * 1e-3));

        for (int refinement = 0; refinement <= MAX_REFINEMENTS; refinement++) {
            double step = spacing / (1 << refinement);
            Coordinate[] ring = resample(shape.getExteriorRing().getCoordinates(),
                    c -> inThin.locate(c) == Location.EXTERIOR ? step : step / 2);
            Polygon resampled = GEOMETRY.createPolygon(ring);
            if (!resampled.isValid()) {
                continue; // two stretches of stitch line closer than the step: sample finer
            }
            List<Coordinate> sites = new ArrayList<>(Arrays.asList(ring).subList(0, ring.length - 1));
            Geometry thinInside = thin.intersection(resampled);
            Geometry wide = resampled.difference(thin.buffer(spacing / 4));
            SplittableRandom jitter = new SplittableRandom(JITTER_SEED);
            sites.addAll(lattice(wide, spacing, jitter));
            sites.addAll(lattice(thinInside, spacing / 2, jitter));
            return triangulate(resampled, sites, spacing);
        }
        throw new IllegalArgumentException("the pattern piece's stitch line is too convoluted to triangulate");
    }

    /**
     * The piece without features narrower than {@link #FINEST_FEATURE_SPACINGS} spacings: hairline
     * spikes of a traced outline (the mesh cannot hold them, and the two sides of one would come out
     * as nearly coincident points) and hairline slits (whose sharp inner corner sets off endless
     * segment splitting in a conforming triangulation). Closing, then opening, by half that width.
     */
    private static Polygon withoutHairlines(Polygon shape, double spacing) {
        double r = FINEST_FEATURE_SPACINGS * spacing / 2;
        Geometry opened = shape.buffer(r).buffer(-r).buffer(-r).buffer(r);
        if (opened.isEmpty()) {
            throw new IllegalArgumentException("the pattern piece is too thin to stuff");
        }
        Polygon largest = Projections.largest(opened);
        return GEOMETRY.createPolygon(largest.getExteriorRing().getCoordinates());
    }

    /** Where the piece is narrower than {@link #THIN_PART_SPACINGS} spacings (what an opening removes). */
    private static Geometry thinParts(Polygon shape, double spacing) {
        double r = THIN_PART_SPACINGS * spacing / 2;
        Geometry narrow = shape.difference(shape.buffer(-r).buffer(r));
        List<Geometry> parts = new ArrayList<>();
        for (int i = 0; i < narrow.getNumGeometries(); i++) {
            // Corners shaved off by the opening are slivers, not parts.
            if (narrow.getGeometryN(i).getArea() >= r * r) {
                parts.add(narrow.getGeometryN(i));
            }
        }
        return GEOMETRY.buildGeometry(parts).union();
    }

    private static PatternMesh triangulate(Polygon resampled, List<Coordinate> sites, double spacing) {
        ConformingDelaunayTriangulationBuilder builder = new ConformingDelaunayTriangulationBuilder();
        builder.setSites(GEOMETRY.createMultiPointFromCoords(sites.toArray(Coordinate[]::new)));
        builder.setConstraints(resampled);
        builder.setTolerance(spacing * 1e-6);
        IndexedPointInAreaLocator inside = new IndexedPointInAreaLocator(resampled);
        Map<Coordinate, Integer> index = new HashMap<>();
        List<Coordinate> vertices = new ArrayList<>();
        List<int[]> triangles = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Vertex[]> raw = builder.getSubdivision().getTriangleVertices(false);
        for (Vertex[] t : raw) {
            Coordinate a = t[0].getCoordinate();
            Coordinate b = t[1].getCoordinate();
            Coordinate c = t[2].getCoordinate();
            Coordinate centroid = new Coordinate((a.x + b.x + c.x) / 3, (a.y + b.y + c.y) / 3);
            if (inside.locate(centroid) != Location.INTERIOR) {
                continue;
            }
            int ia = indexOf(a, index, vertices);
            int ib = indexOf(b, index, vertices);
            int ic = indexOf(c, index, vertices);
            double cross = (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
            triangles.add(cross > 0 ? new int[] {ia, ib, ic} : new int[] {ia, ic, ib});
        }
        cutSliverEars(triangles, vertices, SLIVER_AREA_SHARE * spacing * spacing);
        return compact(vertices, triangles);
    }

    /**
     * Removes triangles of next to no area that sit on the stitch line (three stitch-line points
     * almost in a line, or a point split off a stitch-line segment folded back onto it): the line
     * then runs along the triangle's other edges. Repeated, since cutting one can expose another.
     */
    private static void cutSliverEars(List<int[]> triangles, List<Coordinate> vertices, double minArea) {
        boolean cut = true;
        while (cut) {
            cut = false;
            Map<Long, Integer> uses = edgeUses(triangles);
            for (int i = 0; i < triangles.size(); i++) {
                int[] t = triangles.get(i);
                Coordinate a = vertices.get(t[0]);
                Coordinate b = vertices.get(t[1]);
                Coordinate c = vertices.get(t[2]);
                double area = ((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)) / 2;
                if (area >= minArea) {
                    continue;
                }
                int onEdge = 0;
                int offEdgeVertex = -1;
                for (int k = 0; k < 3; k++) {
                    if (uses.get(key(t[k], t[(k + 1) % 3])) == 1) {
                        onEdge++;
                        offEdgeVertex = t[(k + 2) % 3];
                    }
                }
                // With one edge on the line, cutting is safe only if the far point is not on the
                // line already (it would then touch the line twice).
                if (onEdge == 1 && boundaryVertices(uses, triangles).contains(offEdgeVertex)) {
                    continue;
                }
                if (onEdge >= 1) {
                    triangles.remove(i);
                    cut = true;
                    break;
                }
            }
        }
    }

    private static java.util.Set<Integer> boundaryVertices(Map<Long, Integer> uses, List<int[]> triangles) {
        java.util.Set<Integer> on = new java.util.HashSet<>();
        for (int[] t : triangles) {
            for (int k = 0; k < 3; k++) {
                if (uses.get(key(t[k], t[(k + 1) % 3])) == 1) {
                    on.add(t[k]);
                    on.add(t[(k + 1) % 3]);
                }
            }
        }
        return on;
    }

    private static PatternMesh compact(List<Coordinate> vertices, List<int[]> triangles) {
        int[] newIndex = new int[vertices.size()];
        Arrays.fill(newIndex, -1);
        int n = 0;
        int[] flat = new int[triangles.size() * 3];
        for (int i = 0; i < triangles.size(); i++) {
            for (int k = 0; k < 3; k++) {
                int v = triangles.get(i)[k];
                if (newIndex[v] < 0) {
                    newIndex[v] = n++;
                }
                flat[3 * i + k] = newIndex[v];
            }
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int v = 0; v < vertices.size(); v++) {
            if (newIndex[v] >= 0) {
                x[newIndex[v]] = vertices.get(v).x;
                y[newIndex[v]] = vertices.get(v).y;
            }
        }
        return new PatternMesh(x, y, flat, boundaryLoop(flat, n));
    }

    /**
     * The lattice spacing that gives about {@code target} vertices in the two-layer model: each layer
     * has area / (spacing² √3/2) lattice points, the seam perimeter / spacing points.
     */
    static double spacingFor(double areaMm2, double perimeterMm, int target) {
        // target·s² − P·s − 2A/(√3/2) = 0
        double a = target;
        double b = -perimeterMm;
        double c = -2 * areaMm2 / (Math.sqrt(3) / 2);
        return (-b + Math.sqrt(b * b - 4 * a * c)) / (2 * a);
    }

    /** Wanted distance between stitch-line samples at a point, mm. */
    interface Spacing {
        double at(Coordinate c);
    }

    /**
     * The closed ring resampled so that neighbouring samples lie about {@code spacing} apart (the
     * spacing taken where each short piece of the ring lies), closed again.
     */
    static Coordinate[] resample(Coordinate[] closed, Spacing spacing) {
        Coordinate[] ring = new CoordinateList(closed, false).toCoordinateArray();
        int m = ring.length;
        double[] weight = new double[m]; // cumulative samples wanted up to vertex i
        for (int i = 1; i < m; i++) {
            Coordinate p0 = ring[i - 1];
            Coordinate p1 = ring[i];
            Coordinate mid = new Coordinate((p0.x + p1.x) / 2, (p0.y + p1.y) / 2);
            weight[i] = weight[i - 1] + p0.distance(p1) / spacing.at(mid);
        }
        int n = Math.max(8, (int) Math.round(weight[m - 1]));
        double per = weight[m - 1] / n;
        Coordinate[] out = new Coordinate[n + 1];
        int seg = 1;
        for (int k = 0; k < n; k++) {
            double w = k * per;
            while (seg < m - 1 && weight[seg] < w) {
                seg++;
            }
            double span = weight[seg] - weight[seg - 1];
            double t = span <= 0 ? 0 : Math.min(1, (w - weight[seg - 1]) / span);
            Coordinate p0 = ring[seg - 1];
            Coordinate p1 = ring[seg];
            out[k] = new Coordinate(p0.x + t * (p1.x - p0.x), p0.y + t * (p1.y - p0.y));
        }
        out[n] = out[0].copy();
        return out;
    }

    /** Triangular-lattice points inside the region, clear of its edge. */
    private static List<Coordinate> lattice(Geometry region, double spacing, SplittableRandom jitter) {
        List<Coordinate> points = new ArrayList<>();
        if (region.isEmpty()) {
            return points;
        }
        Geometry core = region.buffer(-LATTICE_CLEARANCE * spacing);
        if (core.isEmpty()) {
            return points;
        }
        IndexedPointInAreaLocator inside = new IndexedPointInAreaLocator(core);
        Envelope env = core.getEnvelopeInternal();
        double rowStep = spacing * Math.sqrt(3) / 2;
        int rows = (int) Math.floor(env.getHeight() / rowStep);
        for (int row = 0; row <= rows; row++) {
            double y = env.getMinY() + row * rowStep;
            double offset = (row % 2) * spacing / 2;
            int columns = (int) Math.floor((env.getWidth() - offset) / spacing);
            for (int col = 0; col <= columns; col++) {
                Coordinate c = new Coordinate(
                        env.getMinX() + offset + col * spacing + JITTER * spacing * (jitter.nextDouble() - 0.5),
                        y + JITTER * spacing * (jitter.nextDouble() - 0.5));
                if (inside.locate(c) == Location.INTERIOR) {
                    points.add(c);
                }
            }
        }
        return points;
    }

    private static int indexOf(Coordinate c, Map<Coordinate, Integer> index, List<Coordinate> vertices) {
        return index.computeIfAbsent(c, k -> {
            vertices.add(k);
            return vertices.size() - 1;
        });
    }

    private static Map<Long, Integer> edgeUses(List<int[]> triangles) {
        Map<Long, Integer> uses = new HashMap<>();
        for (int[] t : triangles) {
            for (int k = 0; k < 3; k++) {
                uses.merge(key(t[k], t[(k + 1) % 3]), 1, Integer::sum);
            }
        }
        return uses;
    }

    /** The edges used by one triangle only, walked head to tail (counter-clockwise). */
    private static int[] boundaryLoop(int[] triangles, int vertexCount) {
        List<int[]> list = new ArrayList<>();
        for (int t = 0; t < triangles.length; t += 3) {
            list.add(new int[] {triangles[t], triangles[t + 1], triangles[t + 2]});
        }
        Map<Long, Integer> uses = edgeUses(list);
        int[] next = new int[vertexCount];
        Arrays.fill(next, -1);
        int start = -1;
        int count = 0;
        for (int[] t : list) {
            for (int k = 0; k < 3; k++) {
                int a = t[k];
                int b = t[(k + 1) % 3];
                if (uses.get(key(a, b)) == 1) {
                    if (next[a] != -1) {
                        throw new IllegalArgumentException("the triangulated piece pinches at a point");
                    }
                    next[a] = b;
                    start = start < 0 ? a : Math.min(start, a);
                    count++;
                }
            }
        }
        int[] loop = new int[count];
        int v = start;
        for (int i = 0; i < count; i++) {
            if (v < 0) {
                throw new IllegalArgumentException("the triangulated piece's edge is not closed");
            }
            loop[i] = v;
            v = next[v];
        }
        if (v != start) {
            throw new IllegalArgumentException("the triangulated piece falls apart in more than one piece");
        }
        return loop;
    }

    private static long key(int a, int b) {
        return ((long) Math.min(a, b) << 32) | Math.max(a, b);
    }
}
