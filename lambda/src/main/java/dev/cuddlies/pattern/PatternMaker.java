package dev.cuddlies.pattern;

import dev.cuddlies.outline.Outline;
import dev.cuddlies.pattern.stuffing.StuffingResult;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.operation.buffer.BufferOp;
import org.locationtech.jts.operation.buffer.BufferParameters;
import org.locationtech.jts.simplify.DouglasPeuckerSimplifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Outline + size → a sewable, laid-out {@link Pattern}, or the size at which the figure keeps its shape.
 * It never sees the picture, only the outline, so nothing of the cartoon can reach a pattern file.
 */
public final class PatternMaker {

    /** A shape that must change by more than this share of its area to be sewn is not printed. */
    public static final double MAX_CHANGED_SHARE = 0.25;
    /** Bigger sizes are suggested up to this height, mm. */
    public static final double MAX_SUGGESTED_HEIGHT_MM = 1000;
    static final double MARGIN_MM = 15;
    static final double LEGEND_MM = 80;
    static final double SPACING_MM = 20;
    /** Room under a row of small pieces for a label that does not fit inside them, mm. */
    static final double LABEL_ROOM_MM = 12;
    /** The legend (title, scale squares, notes) needs this much width. */
    static final double MIN_LAYOUT_WIDTH_MM = 185;
    /** Gusset strips are cut in parts no longer than the layout, and at least this long, mm. */
    static final double MAX_STRIP_MM = 400;
    static final double PRE_SIMPLIFY_MM = 0.2;
    /** The finished height is within this of the height asked for, mm, or {@link #HEIGHT_TOLERANCE_SHARE} of it. */
    static final double HEIGHT_TOLERANCE_MM = 0.5;
    static final double HEIGHT_TOLERANCE_SHARE = 0.003;
    /** Time enough for any stuffing (its rounds are bounded): for callers without a deadline. */
    public static final Duration UNLIMITED = Duration.ofDays(1);
    private static final double[] BIGGER = {1.25, 1.5, 2, 2.5, 3, 4};

    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private final StuffingStage stuffing = new StuffingStage();

    /**
     * As {@link #make(Outline, PatternSpec, Duration)} with all the time stuffing needs (the command
     * line, benchmarks, tests).
     */
    public PatternOutcome make(Outline outline, PatternSpec spec) throws PatternException {
        return make(outline, spec, UNLIMITED);
    }

    /**
     * Stuffing first (the outline is enlarged where stuffing will pull it in, {@link PatternSpec#stuffing()}),
     * then the sewability rules on the enlarged shape, then the layout.
     *
     * @param stuffingTime the most the stuffing stage may take; with too little it is not run and the
     *                     outline is cut as traced ({@link dev.cuddlies.pattern.stuffing.StuffingStatus#NO_TIME})
     * @throws PatternException when the outline has no area to make a pattern from
     */
    public PatternOutcome make(Outline outline, PatternSpec spec, Duration stuffingTime) throws PatternException {
        spec.checkValidity();
        StuffingStage.Staged staged = stuffing.run(toMillimetres(outline, spec.heightMm()), spec.stuffing(), stuffingTime);
        SewableShape.Result sewn = staged.result().status().enlarged()
                ? shape(asOutline(staged.cutMm()), spec.withHeightMm(staged.cutMm().getEnvelopeInternal().getHeight()))
                : shape(outline, spec);
        if (sewn == null || sewn.changedShare() > MAX_CHANGED_SHARE) {
            // Bigger sizes are tried without stuffing: how much the rules change a shape is what limits them.
            return biggerSize(outline, spec, sewn == null ? 1 : sewn.changedShare());
        }
        return new PatternOutcome.Made(build(sewn, spec, staged.result()));
    }

    /** A stitch line in millimetres as an outline whose pixels are millimetres. */
    private static Outline asOutline(Polygon mm) {
        Coordinate[] c = mm.getExteriorRing().getCoordinates();
        List<Outline.Point> points = new ArrayList<>(c.length - 1);
        for (int i = 0; i < c.length - 1; i++) {
            points.add(new Outline.Point(c[i].x, c[i].y));
        }
        Envelope env = mm.getEnvelopeInternal();
        return new Outline((int) Math.ceil(env.getMaxX()) + 1, (int) Math.ceil(env.getMaxY()) + 1, points,
                mm.getArea(), List.of(), Map.of());
    }

    /**
     * The sewable shape, scaled so the sewn toy (after widening) is as tall as asked: widening changes
     * the height, so the trace is rescaled until it is within {@link #HEIGHT_TOLERANCE_MM}.
     */
    private static SewableShape.Result shape(Outline outline, PatternSpec spec) throws PatternException {
        return shape(outline, spec, 4);
    }

    private static SewableShape.Result shape(Outline outline, PatternSpec spec, int passes) throws PatternException {
        double scaleTo = spec.heightMm();
        SewableShape.Result sewn = null;
        for (int i = 0; i < passes; i++) {
            sewn = SewableShape.make(toMillimetres(outline, scaleTo), spec);
            if (sewn == null) {
                return null;
            }
            double got = sewn.assembled().getHeight();
            if (Math.abs(got - spec.heightMm()) <= Math.max(HEIGHT_TOLERANCE_MM, HEIGHT_TOLERANCE_SHARE * spec.heightMm())) {
                break;
            }
            scaleTo *= spec.heightMm() / got;
        }
        return sewn;
    }

    private static PatternOutcome biggerSize(Outline outline, PatternSpec spec, double changedShare)
            throws PatternException {
        for (double factor : BIGGER) {
            double height = Math.ceil(spec.heightMm() * factor / 50) * 50;
            if (height > Math.min(MAX_SUGGESTED_HEIGHT_MM, PatternSpec.MAX_HEIGHT_MM)) {
                break;
            }
            // One pass per size tried: how much the shape changes hardly depends on the last percent of height.
            SewableShape.Result sewn = shape(outline, spec.withHeightMm(height), 1);
            if (sewn != null && sewn.changedShare() <= MAX_CHANGED_SHARE) {
                return new PatternOutcome.NeedsBiggerSize(spec.heightMm(), changedShare, OptionalDouble.of(height));
            }
        }
        return new PatternOutcome.NeedsBiggerSize(spec.heightMm(), changedShare, OptionalDouble.empty());
    }

    private static Pattern build(SewableShape.Result sewn, PatternSpec spec, StuffingResult stuffing) {
        double seam = spec.seamMm();
        Polygon body = sewn.body();
        SeamMarks marks = new SeamMarks(body);
        List<Piece.Notch> notches = numbered(marks.notches(spec.notchSpacingMm(), seam));

        List<Piece> extras = new ArrayList<>();
        List<Piece.Placement> onBody = new ArrayList<>();
        char letter = 'A';
        for (SewableShape.Part part : sewn.parts()) {
            String name = "PART " + letter++;
            LineString end = part.openEnd();
            List<Piece.Placement> ends = List.of(new Piece.Placement(name, end.getCoordinateN(0)),
                    new Piece.Placement(name, end.getCoordinateN(end.getNumPoints() - 1)));
            ends.forEach(p -> onBody.add(new Piece.Placement(name, marks.onLine(p.at()))));
            extras.add(new Piece(Piece.Kind.PART, name, 2, false, true, part.stitch(),
                    SewableShape.offset(part.stitch(), seam), List.of(), null, end, List.of(), ends, null, null, null));
        }
        for (SewableShape.Cord cord : sewn.cords()) {
            String name = "CORD " + letter++;
            onBody.add(new Piece.Placement(name, marks.onLine(cord.centre().getCoordinateN(0))));
            extras.add(cordPiece(name, cord.lengthMm(), spec));
        }
        List<Coordinate> gap = marks.turningGap(onBody.stream().map(Piece.Placement::at).toList());
        boolean gusset = spec.gussetWidthMm() > 0;
        Piece front = new Piece(Piece.Kind.FRONT, "FRONT", 1, false, false, body, SewableShape.offset(body, seam),
                notches, gusset ? null : gap, null, sewn.embroidery(), onBody, null, null, null);

        // Layout: front and back side by side or one above the other, whichever prints on fewer sheets.
        Envelope cutEnv = front.cut().getEnvelopeInternal();
        boolean sideBySide = sheets(cutEnv, true, spec) <= sheets(cutEnv, false, spec);
        double top = MARGIN_MM + LEGEND_MM;
        double backLeft = sideBySide ? MARGIN_MM + cutEnv.getWidth() + SPACING_MM : MARGIN_MM;
        double backTop = sideBySide ? top : top + cutEnv.getHeight() + SPACING_MM;
        List<Piece> pieces = new ArrayList<>();
        pieces.add(transform(front, AffineTransformation.translationInstance(
                MARGIN_MM - cutEnv.getMinX(), top - cutEnv.getMinY())));
        // Mirrored about the vertical axis, then placed: the back is the front seen from behind. Its
        // embroidery stays on the front; its gap is the same stretch of the same seam.
        Piece back = new Piece(Piece.Kind.BACK, "BACK", 1, true, false, body, front.cut(), notches, gap, null,
                List.of(), onBody, null, null, null);
        pieces.add(transform(back, AffineTransformation.reflectionInstance(0, 0, 0, 1)
                .translate(backLeft + cutEnv.getMaxX(), backTop - cutEnv.getMinY())));

        double bottom = backTop + cutEnv.getHeight();
        double right = backLeft + cutEnv.getWidth();
        double width = Math.max(right + MARGIN_MM, MIN_LAYOUT_WIDTH_MM);
        // Small pieces in rows under the front and back.
        double x = MARGIN_MM;
        double rowTop = bottom + SPACING_MM;
        double rowBottom = rowTop;
        for (Piece extra : extras) {
            Envelope e = extra.cut().getEnvelopeInternal();
            if (x > MARGIN_MM && x + e.getWidth() > width - MARGIN_MM) {
                x = MARGIN_MM;
                rowTop = rowBottom + LABEL_ROOM_MM + SPACING_MM;
            }
            Piece placed = transform(extra, AffineTransformation.translationInstance(x - e.getMinX(), rowTop - e.getMinY()));
            pieces.add(placed);
            x += e.getWidth() + SPACING_MM;
            rowBottom = Math.max(rowBottom, rowTop + e.getHeight());
            right = Math.max(right, x - SPACING_MM);
        }
        if (!extras.isEmpty()) {
            bottom = rowBottom + LABEL_ROOM_MM;
        }
        if (gusset) {
            for (Piece strip : gusset(marks.perimeter(), spec, notches.size(), bottom + SPACING_MM,
                    Math.max(right - MARGIN_MM, MAX_STRIP_MM))) {
                pieces.add(strip);
                Envelope g = strip.cut().getEnvelopeInternal();
                bottom = g.getMaxY();
                right = Math.max(right, g.getMaxX());
            }
        }
        width = Math.max(right + MARGIN_MM, MIN_LAYOUT_WIDTH_MM);
        double height = bottom + MARGIN_MM;

        String note = "seam allowance " + spec.seam().describe() + " included";
        List<Piece> labelled = new ArrayList<>();
        for (Piece p : pieces) {
            labelled.add(LabelPlacer.place(p, note, drawnInside(p), spec.paper()));
        }
        Coordinate legend = new Coordinate(MARGIN_MM, MARGIN_MM + 22);
        double legendWidth = MIN_LAYOUT_WIDTH_MM - 2 * MARGIN_MM;
        List<Geometry> drawn = new ArrayList<>();
        drawn.add(GEOMETRY.toGeometry(new Envelope(MARGIN_MM, MARGIN_MM + legendWidth, MARGIN_MM, MARGIN_MM + LEGEND_MM)));
        for (Piece p : labelled) {
            drawn.add(p.cut().getExteriorRing());
            drawn.add(GEOMETRY.toGeometry(p.label().box()));
        }
        SheetPlan sheets = SheetPlan.of(spec.paper(), width, height, drawn);
        List<FabricLayout> fabric = new ArrayList<>();
        for (double w : FabricLayout.COMMON_WIDTHS_MM) {
            fabric.add(FabricLayout.nest(labelled, w));
        }
        return new Pattern(labelled, width, height, legend, legendWidth, marks.perimeter(),
                sewn.assembled().getWidth(), sewn.assembled().getHeight(), spec, sewn.changes(), sewn.changedShare(),
                sheets, fabric, FillEstimate.of(labelled, spec.gussetWidthMm()), stuffing);
    }

    /** What is drawn inside a piece besides its label, for the label to keep clear of. */
    private static Geometry drawnInside(Piece p) {
        List<Geometry> parts = new ArrayList<>();
        for (Piece.Notch n : p.notches()) {
            parts.add(n.mark().toGeometry(GEOMETRY).buffer(6));
        }
        if (p.turningGap() != null) {
            parts.add(GEOMETRY.createLineString(p.turningGap().toArray(new Coordinate[0])).buffer(16));
        }
        p.embroidery().forEach(parts::add);
        p.placements().forEach(pl -> parts.add(GEOMETRY.createPoint(pl.at()).buffer(8)));
        if (p.foldLine() != null) {
            parts.add(p.foldLine().toGeometry(GEOMETRY));
        }
        if (p.openEnd() != null) {
            parts.add(p.openEnd().buffer(8));
        }
        return parts.isEmpty() ? GEOMETRY.createPoint() : GEOMETRY.buildGeometry(parts);
    }

    private static List<Piece.Notch> numbered(List<LineSegment> marks) {
        List<Piece.Notch> out = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            out.add(new Piece.Notch(i + 1, marks.get(i)));
        }
        return out;
    }

    /** A cord: a strip as wide as the minimum width, folded lengthwise, its top end sewn into the body seam. */
    private static Piece cordPiece(String name, double lengthMm, PatternSpec spec) {
        double w = spec.minWidthMm();
        Polygon stitch = GEOMETRY.createPolygon(new Coordinate[] {new Coordinate(0, 0), new Coordinate(w, 0),
            new Coordinate(w, lengthMm), new Coordinate(0, lengthMm), new Coordinate(0, 0)});
        BufferParameters square = new BufferParameters(8, BufferParameters.CAP_FLAT, BufferParameters.JOIN_MITRE, 2);
        Polygon cut = (Polygon) BufferOp.bufferOp(stitch, spec.seamMm(), square);
        LineString open = GEOMETRY.createLineString(new Coordinate[] {new Coordinate(0, 0), new Coordinate(w, 0)});
        return new Piece(Piece.Kind.CORD, name, 1, false, false, stitch, cut, List.of(), null, open, List.of(),
                List.of(new Piece.Placement(name, new Coordinate(w / 2, 0))), null,
                new LineSegment(new Coordinate(w / 2, 0), new Coordinate(w / 2, lengthMm)), null);
    }

    private static Piece transform(Piece p, AffineTransformation t) {
        List<Piece.Notch> notches = p.notches().stream()
                .map(n -> new Piece.Notch(n.number(), new LineSegment(apply(t, n.mark().p0), apply(t, n.mark().p1)))).toList();
        List<Coordinate> gap = p.turningGap() == null ? null : p.turningGap().stream().map(c -> apply(t, c)).toList();
        List<LineString> embroidery = p.embroidery().stream().map(l -> (LineString) t.transform(l)).toList();
        List<Piece.Placement> placements = p.placements().stream()
                .map(pl -> new Piece.Placement(pl.partName(), apply(t, pl.at()))).toList();
        return new Piece(p.kind(), p.name(), p.cutCount(), p.mirrored(), p.pairReversed(), (Polygon) t.transform(p.stitch()),
                (Polygon) t.transform(p.cut()), notches, gap, p.openEnd() == null ? null : (LineString) t.transform(p.openEnd()),
                embroidery, placements, null,
                p.foldLine() == null ? null : new LineSegment(apply(t, p.foldLine().p0), apply(t, p.foldLine().p1)), null);
    }

    private static int sheets(Envelope piece, boolean sideBySide, PatternSpec spec) {
        double w = sideBySide ? 2 * piece.getWidth() + SPACING_MM : piece.getWidth();
        double h = sideBySide ? piece.getHeight() : 2 * piece.getHeight() + SPACING_MM;
        return spec.paper().sheetsFor(Math.max(w + 2 * MARGIN_MM, MIN_LAYOUT_WIDTH_MM), h + LEGEND_MM + 2 * MARGIN_MM);
    }

    /** The outline scaled so its height is {@code heightMm}, y still pointing down. */
    public static Polygon toMillimetres(Outline outline, double heightMm) throws PatternException {
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
        // Traced outlines carry a vertex per pixel; a fifth of a millimetre is far below what
        // scissors follow, and fewer vertices keep the buffer operations fast.
        Geometry g = DouglasPeuckerSimplifier.simplify(GEOMETRY.createPolygon(ring), PRE_SIMPLIFY_MM).buffer(0);
        if (g.isEmpty()) {
            throw new PatternException("the outline does not enclose anything");
        }
        return SewableShape.exterior(SewableShape.largest(g));
    }

    /**
     * A straight strip as long as the seam, with numbered notches matching the front's and back's. A long
     * strip is cut in parts that fit the layout's width, each with a seam allowance at its ends for joining.
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
            List<Piece.Notch> notches = new ArrayList<>();
            for (int i = 0; i < notchCount; i++) {
                double along = i * lengthMm / notchCount - k * partLength;
                if (along < 0 || along >= partLength) {
                    continue;
                }
                double x = x0 + along;
                // The same number on both long edges: the front is sewn to one, the back to the other.
                notches.add(new Piece.Notch(i + 1, new LineSegment(new Coordinate(x, y0), new Coordinate(x, y0 - seam))));
                notches.add(new Piece.Notch(i + 1, new LineSegment(new Coordinate(x, y0 + w), new Coordinate(x, y0 + w + seam))));
            }
            String name = parts == 1 ? "GUSSET" : "GUSSET " + (k + 1) + " OF " + parts;
            strips.add(new Piece(Piece.Kind.GUSSET, name, 1, false, false, stitch, cut, notches, null, null, List.of(),
                    List.of(), null, null, null));
            y0 += w + 2 * seam + SPACING_MM + LABEL_ROOM_MM;
        }
        return strips;
    }

    private static Coordinate apply(AffineTransformation t, Coordinate c) {
        Coordinate out = new Coordinate();
        t.transform(c, out);
        return out;
    }
}
