package dev.cuddlies.pattern;

import dev.cuddlies.outline.Outline;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

import java.util.ArrayList;
import java.util.List;

/**
 * Outline + size → a sewable, laid-out {@link Pattern}. It never sees the picture, only the outline,
 * so nothing of the cartoon can reach a pattern file.
 */
public final class PatternMaker {

    static final double MARGIN_MM = 15;
    static final double LEGEND_MM = 80;
    static final double SPACING_MM = 20;
    /** The legend (title, scale squares, notes) needs this much width. */
    static final double MIN_LAYOUT_WIDTH_MM = 185;
    /** Gusset strips are cut in parts no longer than the layout, and at least this long, mm. */
    static final double MAX_STRIP_MM = 400;
    static final double PRE_SIMPLIFY_MM = 0.1;

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    /** @throws PatternException when the outline cannot be sewn at the requested size */
    public Pattern make(Outline outline, PatternSpec spec) throws PatternException {
        spec.checkValidity();
        Polygon traced = toMillimetres(outline, spec.heightMm());
        SewableShape.Result sewable = SewableShape.make(traced, spec);
        Polygon stitch = sewable.shape();
        SeamMarks marks = new SeamMarks(stitch);
        List<LineSegment> notches = marks.notches(spec.notchSpacingMm(), spec.seamMm());
        List<Coordinate> gap = marks.turningGap(spec.turningGapMm());
        Polygon cut = SewableShape.offset(stitch, spec.seamMm());
        LineSegment grain = grainLine(stitch);

        Envelope cutEnv = cut.getEnvelopeInternal();
        // Side by side or one above the other: whichever prints on fewer sheets.
        boolean sideBySide = sheets(cutEnv, true, spec) <= sheets(cutEnv, false, spec);
        double top = MARGIN_MM + LEGEND_MM;
        double backLeft = sideBySide ? MARGIN_MM + cutEnv.getWidth() + SPACING_MM : MARGIN_MM;
        double backTop = sideBySide ? top : top + cutEnv.getHeight() + SPACING_MM;

        List<Piece> pieces = new ArrayList<>();
        AffineTransformation toFront = AffineTransformation.translationInstance(
                MARGIN_MM - cutEnv.getMinX(), top - cutEnv.getMinY());
        pieces.add(piece(Piece.Kind.FRONT, "FRONT - cut 1", stitch, cut, notches, gap, grain, toFront));
        // Mirror about the vertical axis, then place: the back is the front seen from behind.
        AffineTransformation toBack = AffineTransformation.reflectionInstance(0, 0, 0, 1)
                .translate(backLeft + cutEnv.getMaxX(), backTop - cutEnv.getMinY());
        pieces.add(piece(Piece.Kind.BACK, "BACK - cut 1 (mirrored)", stitch, cut, notches, gap, grain, toBack));

        double bottom = backTop + cutEnv.getHeight();
        double right = backLeft + cutEnv.getWidth();
        if (spec.gussetWidthMm() > 0) {
            for (Piece strip : gusset(marks.perimeter(), spec, notches.size(), bottom + SPACING_MM,
                    Math.max(right - MARGIN_MM, MAX_STRIP_MM))) {
                pieces.add(strip);
                Envelope g = strip.cut().getEnvelopeInternal();
                bottom = g.getMaxY();
                right = Math.max(right, g.getMaxX());
            }
        }
        double width = Math.max(right + MARGIN_MM, MIN_LAYOUT_WIDTH_MM);
        Envelope figure = stitch.getEnvelopeInternal();
        return new Pattern(pieces, width, bottom + MARGIN_MM, new Coordinate(MARGIN_MM, MARGIN_MM + 22),
                marks.perimeter(), figure.getWidth(), figure.getHeight(), spec, sewable.warnings());
    }

    private static int sheets(Envelope piece, boolean sideBySide, PatternSpec spec) {
        double w = sideBySide ? 2 * piece.getWidth() + SPACING_MM : piece.getWidth();
        double h = sideBySide ? piece.getHeight() : 2 * piece.getHeight() + SPACING_MM;
        return spec.paper().sheetsFor(Math.max(w + 2 * MARGIN_MM, MIN_LAYOUT_WIDTH_MM), h + LEGEND_MM + 2 * MARGIN_MM);
    }

    /** The outline scaled so its height is {@code heightMm}, y still pointing down. */
    static Polygon toMillimetres(Outline outline, double heightMm) throws PatternException {
        double heightPx = outline.boundsHeight();
        if (heightPx < 4) {
            throw new PatternException("the outline is too flat to make a pattern from");
        }
        double k = heightMm / heightPx;
        List<Outline.Point> pts = outline.outline();
        Coordinate[] ring = new Coordinate[pts.size() + 1];
        for (int i = 0; i < pts.size(); i++) {
            ring[i] = new Coordinate(pts.get(i).x() * k, pts.get(i).y() * k);
        }
        ring[pts.size()] = ring[0];
        // Traced outlines carry a vertex per pixel; a tenth of a millimetre is far below what
        // scissors follow, and fewer vertices keep the buffer operations fast.
        Geometry g = DouglasPeuckerSimplifier.simplify(GEOMETRY.createPolygon(ring), PRE_SIMPLIFY_MM).buffer(0);
        if (g.isEmpty()) {
            throw new PatternException("the outline does not enclose anything");
        }
        return SewableShape.largest(g);
    }

    /** A vertical grain line through the middle of the piece, kept inside it. */
    private static LineSegment grainLine(Polygon stitch) {
        Envelope env = stitch.getEnvelopeInternal();
        Coordinate c = stitch.getInteriorPoint().getCoordinate();
        Geometry vertical = GEOMETRY.createLineString(new Coordinate[] {
            new Coordinate(c.x, env.getMinY()), new Coordinate(c.x, env.getMaxY())});
        Geometry inside = vertical.intersection(stitch);
        Geometry longest = inside;
        for (int i = 0; i < inside.getNumGeometries(); i++) {
            if (inside.getGeometryN(i).getLength() >= longest.getLength() || longest == inside) {
                longest = inside.getGeometryN(i);
            }
        }
        Coordinate[] ends = longest.getCoordinates();
        double y0 = ends[0].y;
        double y1 = ends[ends.length - 1].y;
        double inset = Math.abs(y1 - y0) * 0.15;
        return new LineSegment(new Coordinate(c.x, Math.min(y0, y1) + inset),
                new Coordinate(c.x, Math.max(y0, y1) - inset));
    }

    private static Piece piece(Piece.Kind kind, String label, Polygon stitch, Polygon cut,
                               List<LineSegment> notches, List<Coordinate> gap, LineSegment grain,
                               AffineTransformation t) {
        List<LineSegment> placedNotches = new ArrayList<>();
        for (LineSegment n : notches) {
            placedNotches.add(new LineSegment(apply(t, n.p0), apply(t, n.p1)));
        }
        List<Coordinate> placedGap = gap.stream().map(c -> apply(t, c)).toList();
        Polygon placedStitch = (Polygon) t.transform(stitch);
        Coordinate labelAt = apply(t, stitch.getInteriorPoint().getCoordinate());
        return new Piece(kind, label, placedStitch, (Polygon) t.transform(cut), placedNotches, placedGap,
                new LineSegment(apply(t, grain.p0), apply(t, grain.p1)), labelAt);
    }

    /**
     * A straight strip as long as the seam, notched to match the front and back. A long strip is cut
     * in parts that fit the layout's width, each with a seam allowance at its ends for joining.
     */
    private static List<Piece> gusset(double lengthMm, PatternSpec spec, int notchCount, double top,
                                      double maxStripMm) {
        double seam = spec.seamMm();
        double w = spec.gussetWidthMm();
        int parts = (int) Math.ceil(lengthMm / (maxStripMm - 2 * seam));
        double partLength = lengthMm / parts;
        BufferParameters square = new BufferParameters(8, BufferParameters.CAP_FLAT, BufferParameters.JOIN_MITRE, 2);
        List<Piece> strips = new ArrayList<>();
        double y0 = top + seam;
        for (int k = 0; k < parts; k++) {
            double x0 = MARGIN_MM + seam;
            Polygon stitch = GEOMETRY.createPolygon(new Coordinate[] {
                new Coordinate(x0, y0), new Coordinate(x0 + partLength, y0),
                new Coordinate(x0 + partLength, y0 + w), new Coordinate(x0, y0 + w), new Coordinate(x0, y0)});
            Polygon cut = (Polygon) BufferOp.bufferOp(stitch, seam, square);
            List<LineSegment> notches = new ArrayList<>();
            for (int i = 0; i < notchCount; i++) {
                double along = i * lengthMm / notchCount - k * partLength;
                if (along < 0 || along >= partLength) {
                    continue;
                }
                double x = x0 + along;
                notches.add(new LineSegment(new Coordinate(x, y0), new Coordinate(x, y0 - seam)));
                notches.add(new LineSegment(new Coordinate(x, y0 + w), new Coordinate(x, y0 + w + seam)));
            }
            LineSegment grain = new LineSegment(new Coordinate(x0 + partLength * 0.1, y0 + w / 2),
                    new Coordinate(x0 + partLength * 0.4, y0 + w / 2));
            String label = parts == 1 ? "GUSSET - cut 1" : "GUSSET part " + (k + 1) + " of " + parts + " - cut 1";
            strips.add(new Piece(Piece.Kind.GUSSET, label, stitch, cut, notches, null, grain,
                    new Coordinate(x0 + partLength * 0.6, y0 + w / 2)));
            y0 += w + 2 * seam + SPACING_MM;
        }
        return strips;
    }

    private static Coordinate apply(AffineTransformation t, Coordinate c) {
        Coordinate out = new Coordinate();
        t.transform(c, out);
        return out;
    }
}
