package dev.cuddlies.pattern;

import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.linearref.LengthIndexedLine;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.operation.distance.IndexedFacetDistance;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Makes a traced shape sewable at its real size. All geometry through JTS.
 *
 * <p>The rule for parts narrower than the minimum width {@code w} (what an opening of radius
 * {@code w/2} removes from the shape):
 * <ul>
 *   <li>a speck hanging on such a neck, under 3 % of the figure's area, is left out (also a blob too small
 *       for the opening whose neck is under a third of its width);</li>
 *   <li>a point reaching less than 1.5 × {@code w/2} out of the opened shape is rounded off;</li>
 *   <li>a neck joining two wide parts (a bird's head on its neck) is widened in place to {@code w};</li>
 *   <li>a drawn line under {@value #STROKE_WIDTH_MM} mm wide (a whisker, an antenna) is embroidered on the
 *       front, slid inwards along itself so it ends at the seam, when it fits there at least
 *       {@value #EMBROIDERY_INSET_MM} mm inside the stitch line; otherwise, when at least {@code w} long,
 *       it becomes a cord (a strip {@code w} wide, folded and sewn into the seam); otherwise it is left out;</li>
 *   <li>any other thin part (a leg, a tail) is widened in place to {@code w} when the new fabric keeps
 *       two seam allowances clear of every other part; when it would not (legs side by side would
 *       merge into a trunk), it becomes a separate two-piece part sewn into the body seam at a
 *       placement mark instead. Neighbours are never merged.</li>
 * </ul>
 * Then slits narrower than two seam allowances are closed (their cut lines would overlap) and concave
 * corners rounded, and the line is simplified within the tolerance.
 */
final class SewableShape {

    /** Narrower than this, a part is a drawn line, not a limb, mm. */
    static final double STROKE_WIDTH_MM = 6;
    /** Embroidery stays this far inside the stitch line, mm. */
    static final double EMBROIDERY_INSET_MM = 3;
    /** A residue reaching at most this many half-widths out of the opened shape is a point. */
    static final double POINT_REACH_SHARE = 1.5;
    /** Islands smaller than this share of the largest are specks. */
    static final double SPECK_AREA_SHARE = 0.03;
    /** A line to embroider is slid in by its own length plus the first of these that makes it fit, mm. */
    private static final double[] SLIDE_EXTRA_MM = {0, 4, 8, 12, 16, 20};
    private static final double CONTACT_MM = 0.5;
    /** A small blob whose neck is under a third of its own width hangs on by a thread: a speck. */
    private static final double NECK_SHARE = 3;
    private static final int SEGMENTS = 8;

    private SewableShape() {
    }

    /** A thin part cut as two pieces; {@code openEnd} lies along the body's stitch line and is sewn into it. */
    record Part(Polygon stitch, LineString openEnd) {
    }

    /** A cord: {@code centre} runs from its root on the body's stitch line to its tip, as traced. */
    record Cord(LineString centre) {
        double lengthMm() {
            return centre.getLength();
        }
    }

    /**
     * @param body         the main piece's stitch line
     * @param parts        separate two-piece parts, in place
     * @param cords        cords, in place
     * @param embroidery   lines to embroider on the front
     * @param changes      what was changed
     * @param changedShare area of the difference between the traced and the sewn shape over the traced area
     *                     (lines embroidered or made as cords count as kept as drawn)
     * @param assembled    envelope of the sewn toy, separate parts and cords in place
     */
    record Result(Polygon body, List<Part> parts, List<Cord> cords, List<LineString> embroidery,
                  List<Change> changes, double changedShare, Envelope assembled) {
    }

    private record Feature(Polygon shape, LineString centre, double widthMm) {
    }

    /** @return the sewable shape, or null when nothing of it is as wide as the minimum width */
    static Result make(Polygon traced, PatternSpec spec) {
        double r = spec.minWidthMm() / 2;
        double seam = spec.seamMm();
        Map<Change.Kind, Integer> counts = new EnumMap<>(Change.Kind.class);
        Geometry opened = open(traced, r);
        if (opened.isEmpty() || opened.getArea() < r * r) {
            return null;
        }
        List<Polygon> islands = polygons(opened);
        islands.sort(Comparator.comparingDouble(Polygon::getArea).reversed());
        List<Polygon> kept = new ArrayList<>();
        for (Polygon island : islands) {
            if (island.getArea() >= SPECK_AREA_SHARE * islands.get(0).getArea()) {
                kept.add(island);
            } else {
                count(counts, Change.Kind.DROPPED);
            }
        }
        Geometry keptUnion = union(kept);
        IndexedFacetDistance toKept = new IndexedFacetDistance(keptUnion);
        List<IndexedFacetDistance> toIsland = kept.stream().map(IndexedFacetDistance::new).toList();

        List<Feature> necks = new ArrayList<>();
        List<Feature> limbs = new ArrayList<>();
        List<Feature> strokes = new ArrayList<>();
        for (Polygon t : polygons(difference(traced, opened))) {
            int touches = 0;
            for (IndexedFacetDistance island : toIsland) {
                touches += island.isWithinDistance(t, CONTACT_MM) ? 1 : 0;
            }
            if (touches == 0 || t.getArea() < 1) {
                continue; // the neck of a speck left out, or a crumb
            }
            double reach = 0;
            for (Coordinate c : t.getExteriorRing().getCoordinates()) {
                reach = Math.max(reach, toKept.distance(t.getFactory().createPoint(c)));
            }
            if (touches == 1 && reach <= POINT_REACH_SHARE * r) {
                // A square corner reaches 0.41 r out of the opening: only sharper points count as a change.
                if (reach > 0.5 * r) {
                    count(counts, Change.Kind.ROUNDED_POINT);
                }
                continue;
            }
            double width = 2 * new MaximumInscribedCircle(t, 0.25).getRadiusLine().getLength();
            LineString centre = rootFirst(CentreLine.of(t, Math.max(0.25, Math.min(2, width / 4))), toKept);
            Feature f = new Feature(t, centre, width);
            if (touches == 1 && t.getArea() < SPECK_AREA_SHARE * islands.get(0).getArea()
                    && narrowest(centre, t) < width / NECK_SHARE) {
                count(counts, Change.Kind.DROPPED); // a speck glued on by a thin neck: not part of the figure
                continue;
            }
            if (touches >= 2) {
                necks.add(f);
            } else if (width < STROKE_WIDTH_MM) {
                strokes.add(f);
            } else {
                limbs.add(f);
            }
        }

        List<Geometry> widened = new ArrayList<>();
        for (Feature f : limbs) {
            widened.add(union(List.of(f.shape(), f.centre().buffer(r, SEGMENTS))));
        }
        List<Geometry> inPlace = new ArrayList<>(kept);
        List<Integer> separate = new ArrayList<>();
        for (int i = 0; i < limbs.size(); i++) {
            if (mergesWithANeighbour(i, limbs, widened, traced, keptUnion, r, seam)) {
                separate.add(i);
            } else {
                inPlace.add(widened.get(i));
                countIfGrown(counts, widened.get(i), traced);
            }
        }
        for (Feature f : necks) {
            Geometry w = union(List.of(f.shape(), f.centre().buffer(r, SEGMENTS)));
            inPlace.add(w);
            countIfGrown(counts, w, traced);
        }

        // Opened to the minimum width, then closed: slits narrower than two seam allowances filled and
        // concave corners rounded last, so no later step opens a slit again.
        Geometry body0 = largest(open(union(inPlace), r - 0.05));
        double closing = Math.max(seam, spec.cornerRadiusMm()) + 0.05;
        Geometry body1 = body0.buffer(closing, SEGMENTS).buffer(-closing, SEGMENTS);
        for (Polygon filled : polygons(difference(body1, body0))) {
            if (filled.getArea() > seam * seam) {
                count(counts, Change.Kind.SLIT_CLOSED);
            }
        }
        Polygon body = exterior(largest(body1));
        body = (Polygon) TopologyPreservingSimplifier.simplify(body, spec.toleranceMm() / 2);

        List<Part> parts = new ArrayList<>();
        for (int i : separate) {
            // What lies outside the body, opened to the minimum width and closed like the body. Its side
            // facing the body is the open end, sewn into the body seam between the placement marks.
            Geometry outside = difference(widened.get(i), body);
            if (outside.isEmpty()) {
                continue;
            }
            Geometry cleaned = open(largest(outside), r - 0.05);
            if (cleaned.isEmpty() || largest(cleaned).getArea() < r * r) {
                continue;
            }
            Geometry closed = largest(cleaned).buffer(closing, SEGMENTS).buffer(-closing, SEGMENTS);
            Polygon stitch = (Polygon) TopologyPreservingSimplifier.simplify(exterior(largest(closed)), spec.toleranceMm() / 2);
            parts.add(new Part(stitch, openEnd(stitch, body, seam)));
            count(counts, Change.Kind.SEPARATE_PART);
        }

        List<LineString> embroidery = new ArrayList<>();
        List<Cord> cords = new ArrayList<>();
        List<Geometry> embroidered = new ArrayList<>();
        Geometry inset = body.buffer(-EMBROIDERY_INSET_MM, SEGMENTS);
        for (Feature f : strokes) {
            LineString slid = slidInwards(f.centre(), inset);
            if (slid != null) {
                embroidery.add(slid);
                embroidered.add(f.shape());
                count(counts, Change.Kind.EMBROIDERED);
            } else if (f.centre().getLength() >= spec.minWidthMm()) {
                cords.add(new Cord(f.centre()));
                embroidered.add(f.shape());
                count(counts, Change.Kind.CORD);
            } else {
                count(counts, Change.Kind.DROPPED);
            }
        }

        // A drawn line kept as embroidery or as a cord counts as kept as drawn; the sewn toy's extent
        // includes the cords as sewn.
        List<Geometry> asDrawn = new ArrayList<>(List.of(body));
        parts.forEach(p -> asDrawn.add(p.stitch()));
        asDrawn.addAll(embroidered);
        double changedShare = OverlayNGRobust.overlay(traced, union(asDrawn), OverlayNG.SYMDIFFERENCE).getArea()
                / traced.getArea();
        List<Geometry> sewn = new ArrayList<>(asDrawn);
        cords.forEach(c -> sewn.add(c.centre().buffer(r / 2, SEGMENTS)));
        Geometry assembled = union(sewn);
        List<Change> changes = new ArrayList<>();
        counts.forEach((kind, n) -> changes.add(new Change(kind, n)));
        return new Result(body, parts, cords, embroidery, changes, changedShare, assembled.getEnvelopeInternal());
    }

    /**
     * Whether widening limb {@code i} would bring new fabric within two seam allowances of any other
     * part of the shape (its own root excepted), or of another limb's widening.
     */
    private static boolean mergesWithANeighbour(int i, List<Feature> limbs, List<Geometry> widened, Geometry traced,
                                                Geometry keptUnion, double r, double seam) {
        Feature f = limbs.get(i);
        Geometry fresh = difference(widened.get(i), traced);
        if (fresh.getArea() < 1) {
            return false;
        }
        Geometry zone = fresh.buffer(2 * seam, SEGMENTS);
        // Only what lies near the new fabric matters: clip to its envelope first (a fast clip in OverlayNG).
        Geometry window = traced.getFactory().toGeometry(zone.getEnvelopeInternal());
        Geometry rootZone = intersection(f.shape().buffer(CONTACT_MM), intersection(keptUnion, window))
                .buffer(r + 2 * seam, SEGMENTS);
        List<Geometry> others = new ArrayList<>();
        others.add(difference(intersection(traced, window), f.shape().buffer(CONTACT_MM)));
        for (int j = 0; j < limbs.size(); j++) {
            if (j != i && widened.get(j).getEnvelopeInternal().intersects(window.getEnvelopeInternal())) {
                others.add(intersection(widened.get(j), window));
            }
        }
        Geometry neighbours = difference(union(others), rootZone);
        return intersection(zone, neighbours).getArea() > 1;
    }

    /** The narrowest width of a thin part along the middle 80 % of its centre line, mm. */
    private static double narrowest(LineString centre, Polygon part) {
        IndexedFacetDistance toEdge = new IndexedFacetDistance(part.getExteriorRing());
        LengthIndexedLine along = new LengthIndexedLine(centre);
        double length = centre.getLength();
        double narrowest = Double.MAX_VALUE;
        for (double at = 0.1 * length; at <= 0.9 * length; at += Math.max(0.5, length / 100)) {
            narrowest = Math.min(narrowest, 2 * toEdge.distance(part.getFactory().createPoint(along.extractPoint(at))));
        }
        return narrowest;
    }

    /**
     * The side of a separate part that faces the body: its outline within one seam allowance of where
     * it comes nearest to the body's stitch line. That end is left open and sewn into the body seam.
     */
    private static LineString openEnd(Polygon part, Polygon body, double seamMm) {
        Coordinate[] ring = Densifier.densify(part.getExteriorRing(), 1.0).getCoordinates();
        IndexedFacetDistance toBody = new IndexedFacetDistance(body.getExteriorRing());
        int n = ring.length - 1;
        double[] d = new double[n];
        double nearest = Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            d[i] = toBody.distance(part.getFactory().createPoint(ring[i]));
            nearest = Math.min(nearest, d[i]);
        }
        boolean[] on = new boolean[n];
        for (int i = 0; i < n; i++) {
            on[i] = d[i] <= nearest + seamMm;
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int start = 0; start < n; start++) {
            if (!on[start] || on[(start - 1 + n) % n]) {
                continue;
            }
            int length = 0;
            while (length < n && on[(start + length) % n]) {
                length++;
            }
            if (length > bestLength) {
                bestLength = length;
                bestStart = start;
            }
        }
        if (bestStart < 0) {
            // Every point is as near as the nearest (a part lying along the body): a third of it.
            bestStart = 0;
            bestLength = n / 3;
        }
        bestLength = Math.max(2, bestLength);
        Coordinate[] run = new Coordinate[bestLength];
        for (int k = 0; k < bestLength; k++) {
            run[k] = ring[(bestStart + k) % n];
        }
        return part.getFactory().createLineString(run);
    }

    /**
     * The centre line moved inwards along its own chord until it lies inside {@code room}: its tip lands
     * just inside where its root was, as whiskers are embroidered on a cheek; null when it does not fit.
     */
    private static LineString slidInwards(LineString centre, Geometry room) {
        Coordinate root = centre.getCoordinateN(0);
        Coordinate tip = centre.getCoordinateN(centre.getNumPoints() - 1);
        double chord = Math.max(1e-9, root.distance(tip));
        for (double extra : SLIDE_EXTRA_MM) {
            double k = 1 + extra / chord;
            LineString slid = (LineString) AffineTransformation
                    .translationInstance((root.x - tip.x) * k, (root.y - tip.y) * k).transform(centre);
            if (room.covers(slid)) {
                return slid;
            }
        }
        return null;
    }

    private static LineString rootFirst(LineString line, IndexedFacetDistance toBody) {
        double a = toBody.distance(line.getStartPoint());
        double b = toBody.distance(line.getEndPoint());
        return a <= b ? line : line.reverse();
    }

    private static void countIfGrown(Map<Change.Kind, Integer> counts, Geometry widened, Geometry traced) {
        if (difference(widened, traced).getArea() > 1) {
            count(counts, Change.Kind.WIDENED);
        }
    }

    private static void count(Map<Change.Kind, Integer> counts, Change.Kind kind) {
        counts.merge(kind, 1, Integer::sum);
    }

    /** Morphological opening: what a disc of radius {@code r} can reach inside. */
    static Geometry open(Geometry g, double r) {
        return g.buffer(-r, SEGMENTS).buffer(r, SEGMENTS);
    }

    /** The cut line: the stitch line offset outward by the seam allowance, with round joins. */
    static Polygon offset(Polygon stitch, double seamMm) {
        BufferParameters p = new BufferParameters(SEGMENTS, BufferParameters.CAP_ROUND,
                BufferParameters.JOIN_ROUND, BufferParameters.DEFAULT_MITRE_LIMIT);
        return exterior(largest(BufferOp.bufferOp(stitch, seamMm, p)));
    }

    static List<Polygon> polygons(Geometry g) {
        List<Polygon> out = new ArrayList<>();
        for (int i = 0; i < g.getNumGeometries(); i++) {
            if (g.getGeometryN(i) instanceof Polygon p && !p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }

    // Overlays through OverlayNG with its robust fallbacks: the classic overlay can fail with a
    // TopologyException on the nearly coincident edges buffers produce.
    private static Geometry union(List<? extends Geometry> parts) {
        return OverlayNGRobust.union(new ArrayList<Geometry>(parts));
    }

    static Geometry difference(Geometry a, Geometry b) {
        return OverlayNGRobust.overlay(a, b, OverlayNG.DIFFERENCE);
    }

    static Geometry intersection(Geometry a, Geometry b) {
        return OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION);
    }

    static Polygon largest(Geometry g) {
        Polygon best = null;
        for (Polygon p : polygons(g)) {
            if (best == null || p.getArea() > best.getArea()) {
                best = p;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no polygon in " + g.getGeometryType());
        }
        return best;
    }

    static Polygon exterior(Polygon p) {
        return p.getFactory().createPolygon(p.getExteriorRing().getCoordinates());
    }
}
