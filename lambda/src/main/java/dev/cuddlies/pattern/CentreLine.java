package dev.cuddlies.pattern;

import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The centre line of a thin shape (a whisker, a tail): the longest path through the Voronoi edges of
 * its densified outline that lie inside it, i.e. an approximate medial axis. JTS builds the Voronoi
 * diagram; only the path search is ours.
 */
final class CentreLine {

    private CentreLine() {
    }

    /**
     * @param thin       the shape; not modified
     * @param spacingMm  outline sample spacing: under half the shape's narrowest width
     * @return the centre line, at least two points
     */
    static LineString of(Polygon thin, double spacingMm) {
        Geometry sites = Densifier.densify(thin.getExteriorRing(), spacingMm);
        VoronoiDiagramBuilder voronoi = new VoronoiDiagramBuilder();
        voronoi.setSites(sites);
        voronoi.setTolerance(spacingMm / 100);
        // The cells unclipped: clipping them to a frame is an overlay that can fail on near-parallel
        // edges, and edges outside the shape are dropped below anyway.
        Geometry cells = thin.getFactory().buildGeometry(voronoi.getSubdivision().getVoronoiCellPolygons(thin.getFactory()));
        PreparedGeometry inside = PreparedGeometryFactory.prepare(thin);

        Map<Coordinate, Map<Coordinate, Double>> graph = new HashMap<>();
        for (int i = 0; i < cells.getNumGeometries(); i++) {
            Coordinate[] ring = ((Polygon) cells.getGeometryN(i)).getExteriorRing().getCoordinates();
            for (int k = 0; k + 1 < ring.length; k++) {
                Coordinate a = ring[k];
                Coordinate b = ring[k + 1];
                if (graph.containsKey(a) && graph.get(a).containsKey(b)) {
                    continue;
                }
                if (!inside.containsProperly(thin.getFactory().createLineString(new Coordinate[] {a, b}))) {
                    continue;
                }
                double d = a.distance(b);
                graph.computeIfAbsent(a, x -> new HashMap<>()).put(b, d);
                graph.computeIfAbsent(b, x -> new HashMap<>()).put(a, d);
            }
        }
        if (graph.isEmpty()) {
            return fallback(thin);
        }
        Coordinate any = graph.keySet().iterator().next();
        Coordinate from = farthest(graph, any).get(0);
        List<Coordinate> path = farthest(graph, from);
        Collections.reverse(path);
        if (path.size() < 2) {
            return fallback(thin);
        }
        LineString line = thin.getFactory().createLineString(path.toArray(new Coordinate[0]));
        return (LineString) DouglasPeuckerSimplifier.simplify(line, spacingMm / 2);
    }

    /** Dijkstra from {@code start}; returns the path from the farthest node back to the start. */
    private static List<Coordinate> farthest(Map<Coordinate, Map<Coordinate, Double>> graph, Coordinate start) {
        Map<Coordinate, Double> dist = new HashMap<>();
        Map<Coordinate, Coordinate> previous = new HashMap<>();
        PriorityQueue<Map.Entry<Coordinate, Double>> queue = new PriorityQueue<>(Map.Entry.comparingByValue());
        dist.put(start, 0.0);
        queue.add(Map.entry(start, 0.0));
        Coordinate far = start;
        while (!queue.isEmpty()) {
            Map.Entry<Coordinate, Double> e = queue.poll();
            Coordinate u = e.getKey();
            if (e.getValue() > dist.get(u)) {
                continue;
            }
            if (e.getValue() > dist.get(far)) {
                far = u;
            }
            for (Map.Entry<Coordinate, Double> edge : graph.get(u).entrySet()) {
                double d = e.getValue() + edge.getValue();
                if (d < dist.getOrDefault(edge.getKey(), Double.MAX_VALUE)) {
                    dist.put(edge.getKey(), d);
                    previous.put(edge.getKey(), u);
                    queue.add(Map.entry(edge.getKey(), d));
                }
            }
        }
        List<Coordinate> path = new ArrayList<>();
        for (Coordinate c = far; c != null; c = previous.get(c)) {
            path.add(c);
        }
        return path;
    }

    /** A shape too small for any inner Voronoi edge: the longest diagonal of its envelope. */
    private static LineString fallback(Polygon thin) {
        var env = thin.getEnvelopeInternal();
        Coordinate c = thin.getCentroid().getCoordinate();
        Coordinate a = env.getWidth() >= env.getHeight() ? new Coordinate(env.getMinX(), c.y) : new Coordinate(c.x, env.getMinY());
        Coordinate b = env.getWidth() >= env.getHeight() ? new Coordinate(env.getMaxX(), c.y) : new Coordinate(c.x, env.getMaxY());
        return thin.getFactory().createLineString(new Coordinate[] {a, b});
    }
}
