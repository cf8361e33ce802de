package dev.cuddlies.pattern.render;

import dev.cuddlies.pattern.Length;
import dev.cuddlies.pattern.Lettering;
import dev.cuddlies.pattern.Paper;
import dev.cuddlies.pattern.SheetPlan;
import dev.cuddlies.pattern.Pattern;
import dev.cuddlies.pattern.Piece;
import dev.cuddlies.pattern.PieceLabel;
import dev.cuddlies.pattern.render.Drawing.Layer;
import dev.cuddlies.pattern.render.Drawing.Mark;
import dev.cuddlies.pattern.render.Drawing.Path;
import dev.cuddlies.pattern.render.Drawing.Rect;
import dev.cuddlies.pattern.render.Drawing.Style;
import dev.cuddlies.pattern.render.Drawing.Text;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.linearref.LengthIndexedLine;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays a {@link Pattern} out as a {@link Drawing}: cut lines, stitch lines (open where the seam is left
 * open), marks, the turning gap as an opening, embroidery, and labels placed where no line crosses them.
 */
public final class PatternDrawing {

    private static final double ARROW_MM = 4;
    private static final double GAP_ARROW_INSET_MM = 5;
    private static final double NOTCH_NUMBER_MM = 2.5;
    private static final double PLACEMENT_MM = 4;
    public static final String LEAVE_OPEN = "leave open to turn";

    private PatternDrawing() {
    }

    public static Drawing of(Pattern pattern) {
        List<Mark> cut = new ArrayList<>();
        List<Mark> stitch = new ArrayList<>();
        List<Mark> marks = new ArrayList<>();
        List<Mark> gap = new ArrayList<>();
        List<Mark> embroidery = new ArrayList<>();
        List<Mark> labels = new ArrayList<>();
        for (Piece piece : pattern.pieces()) {
            cut.add(ring(piece.cut()));
            stitch.add(stitchLine(piece));
            for (Piece.Notch n : piece.notches()) {
                marks.add(segment(n.mark().p0, n.mark().p1));
                Coordinate in = unit(n.mark().p1, n.mark().p0);
                labels.add(new Text(n.mark().p0.x + in.x * 4, n.mark().p0.y + in.y * 4 + NOTCH_NUMBER_MM * 0.35,
                        String.valueOf(n.number()), NOTCH_NUMBER_MM, true));
            }
            for (Piece.Placement p : piece.placements()) {
                addPlacement(piece, p, pattern.spec().seamMm(), marks, labels);
            }
            if (piece.turningGap() != null) {
                addTurningGap(piece.stitch(), piece.turningGap(), pattern.spec().seamMm(), gap, labels);
            }
            for (LineString line : piece.embroidery()) {
                embroidery.add(path(line.getCoordinates(), false));
            }
            if (piece.foldLine() != null) {
                LineSegment f = piece.foldLine();
                embroidery.add(segment(f.p0, f.p1));
                Coordinate mid = f.midPoint();
                labels.add(new Text(mid.x + 2, mid.y, "FOLD", 2.5, false));
            }
            addGrainLine(piece.grainLine(), marks);
            for (PieceLabel.Line line : piece.label().lines()) {
                labels.add(new Text(line.x(), line.baseline(), line.text(), line.sizeMm(), true));
            }
        }
        addLegend(pattern, marks, labels);
        return new Drawing(pattern.widthMm(), pattern.heightMm(), List.of(
                new Layer("cut", Style.CUT, cut),
                new Layer("stitch", Style.STITCH, stitch),
                new Layer("marks", Style.MARK, marks),
                new Layer("gap", Style.GAP, gap),
                new Layer("embroidery", Style.EMBROIDERY, embroidery),
                new Layer("labels", Style.TEXT, onOneSheet(labels, pattern.spec().paper()))));
    }

    /** Every text moved, if it must, so that it prints whole on one sheet instead of across two. */
    private static List<Mark> onOneSheet(List<Mark> labels, Paper paper) {
        List<Mark> out = new ArrayList<>();
        for (Mark m : labels) {
            Text t = (Text) m;
            double w = Lettering.widthMm(t.text(), t.sizeMm());
            double x0 = t.centred() ? t.x() - w / 2 : t.x();
            Coordinate off = SheetPlan.nudge(paper, new Envelope(x0, x0 + w,
                    t.y() - t.sizeMm() * Lettering.ASCENT_SHARE, t.y() + t.sizeMm() * Lettering.DESCENT_SHARE));
            out.add(new Text(t.x() + off.x, t.y() + off.y, t.text(), t.sizeMm(), t.centred()));
        }
        return out;
    }

    /** The stitch line as sewn: open across the turning gap, or across a part's open end. */
    private static Path stitchLine(Piece piece) {
        Coordinate[] ring = piece.stitch().getExteriorRing().getCoordinates();
        List<Coordinate> open = piece.turningGap() != null ? piece.turningGap()
                : piece.openEnd() != null ? List.of(piece.openEnd().getCoordinates()) : null;
        if (open == null || open.size() < 2 || open.get(0).distance(open.get(open.size() - 1)) < 1) {
            return ring(piece.stitch());
        }
        LengthIndexedLine line = new LengthIndexedLine(piece.stitch().getExteriorRing());
        double total = piece.stitch().getExteriorRing().getLength();
        double a = line.project(open.get(0));
        double b = line.project(open.get(open.size() - 1));
        double mid = line.project(open.get(open.size() / 2));
        // Sew from the gap's end round to its start: the way that does not pass the gap's middle.
        double from = b;
        double to = a;
        if (!between(mid, a, b, total)) {
            from = a;
            to = b;
        }
        double length = ((to - from) % total + total) % total;
        int steps = Math.max(8, (int) Math.ceil(length / 1.0));
        List<Coordinate> pts = new ArrayList<>();
        for (int i = 0; i <= steps; i++) {
            pts.add(line.extractPoint((from + length * i / steps) % total));
        }
        return path(pts.toArray(new Coordinate[0]), false);
    }

    /** Whether arc position m lies on the way from a forward to b, on a ring of length total. */
    private static boolean between(double m, double a, double b, double total) {
        double ab = ((b - a) % total + total) % total;
        double am = ((m - a) % total + total) % total;
        return am <= ab;
    }

    private static void addTurningGap(Polygon stitch, List<Coordinate> gap, double seamMm, List<Mark> marks,
                                      List<Mark> labels) {
        Coordinate a = gap.get(0);
        Coordinate b = gap.get(gap.size() - 1);
        Coordinate inward = inwardOfGap(stitch, gap);
        // Stops across the seam at both ends: sewing stops here.
        for (Coordinate end : List.of(a, b)) {
            marks.add(segment(new Coordinate(end.x + inward.x * 3, end.y + inward.y * 3),
                    new Coordinate(end.x - inward.x * seamMm, end.y - inward.y * seamMm)));
        }
        // A double arrow along the opening, just inside it.
        Coordinate along = unit(a, b);
        double len = a.distance(b);
        Coordinate s = new Coordinate(a.x + inward.x * GAP_ARROW_INSET_MM + along.x * 1.5,
                a.y + inward.y * GAP_ARROW_INSET_MM + along.y * 1.5);
        Coordinate e = new Coordinate(s.x + along.x * (len - 3), s.y + along.y * (len - 3));
        marks.add(segment(s, e));
        marks.add(arrowHead(s, e));
        marks.add(arrowHead(e, s));
        Coordinate mid = new Coordinate((a.x + b.x) / 2, (a.y + b.y) / 2);
        double size = Math.min(3, 3 * (len - 4) / Lettering.widthMm(LEAVE_OPEN, 3));
        labels.add(new Text(mid.x + inward.x * (GAP_ARROW_INSET_MM + 5), mid.y + inward.y * (GAP_ARROW_INSET_MM + 5)
                + size * 0.35, LEAVE_OPEN, Math.max(1.8, size), true));
    }

    /** Perpendicular to the gap's chord, turned to point into the piece (tested at the gap's middle). */
    private static Coordinate inwardOfGap(Polygon stitch, List<Coordinate> gap) {
        Coordinate a = gap.get(0);
        Coordinate b = gap.get(gap.size() - 1);
        double len = Math.max(1e-9, a.distance(b));
        Coordinate n = new Coordinate(-(b.y - a.y) / len, (b.x - a.x) / len);
        Coordinate mid = gap.get(gap.size() / 2);
        Coordinate probe = new Coordinate(mid.x + n.x * 2, mid.y + n.y * 2);
        return stitch.contains(stitch.getFactory().createPoint(probe)) ? n : new Coordinate(-n.x, -n.y);
    }

    /** A double notch (a small triangle into the seam allowance) and the part's letter beside it. */
    private static void addPlacement(Piece piece, Piece.Placement p, double seamMm, List<Mark> marks, List<Mark> labels) {
        LengthIndexedLine line = new LengthIndexedLine(piece.stitch().getExteriorRing());
        double at = line.project(p.at());
        Coordinate c = line.extractPoint(at);
        Coordinate t = unit(line.extractPoint(at - 1), line.extractPoint(at + 1));
        Coordinate out = new Coordinate(t.y, -t.x);
        if (piece.stitch().contains(piece.stitch().getFactory().createPoint(
                new Coordinate(c.x + out.x * 0.5, c.y + out.y * 0.5)))) {
            out = new Coordinate(-out.x, -out.y);
        }
        double h = PLACEMENT_MM / 2;
        marks.add(new Path(new double[] {c.x - t.x * h, c.y - t.y * h, c.x + out.x * seamMm, c.y + out.y * seamMm,
            c.x + t.x * h, c.y + t.y * h}, false));
        String letter = p.partName().substring(p.partName().length() - 1);
        labels.add(new Text(c.x - out.x * 4, c.y - out.y * 4 + 1, letter, 3, true));
    }

    private static void addGrainLine(LineSegment grain, List<Mark> marks) {
        marks.add(segment(grain.p0, grain.p1));
        marks.add(arrowHead(grain.p1, grain.p0));
        marks.add(arrowHead(grain.p0, grain.p1));
    }

    /** An arrow head at {@code tip}, for a line coming from {@code from}. */
    private static Path arrowHead(Coordinate from, Coordinate tip) {
        Coordinate u = unit(tip, from);
        double ux = u.x * ARROW_MM;
        double uy = u.y * ARROW_MM;
        return new Path(new double[] {tip.x + ux - uy / 2, tip.y + uy + ux / 2, tip.x, tip.y,
            tip.x + ux + uy / 2, tip.y + uy - ux / 2}, false);
    }

    private static void addLegend(Pattern p, List<Mark> marks, List<Mark> labels) {
        Coordinate o = p.scaleCheckOrigin();
        double width = p.legendWidthMm();
        String title = "Cuddlies plush pattern - " + Length.describeCm(p.figureHeightMm()) + " tall, "
                + Length.describeCm(p.figureWidthMm()) + " wide";
        double titleSize = Math.min(6, 6 * width / Lettering.widthMm(title, 6));
        labels.add(new Text(o.x, o.y - 13, title, titleSize, false));
        List<String> intro = Lettering.wrap("Cut on the solid line, sew on the dashed line, match the numbered notches.",
                3.2, width);
        for (int i = 0; i < intro.size() && i < 2; i++) {
            labels.add(new Text(o.x, o.y - 7 + i * 4, intro.get(i), 3.2, false));
        }
        double s = Pattern.SCALE_SQUARE_MM;
        double inch = Pattern.SCALE_SQUARE_INCH_MM;
        marks.add(new Rect(o.x, o.y, s, s));
        labels.add(new Text(o.x + s / 2, o.y + s / 2 + 1.5, "5 cm", 4, true));
        marks.add(new Rect(o.x + s + 10, o.y, inch, inch));
        labels.add(new Text(o.x + s + 10 + inch / 2, o.y + inch / 2 + 1.5, "1 in", 4, true));
        double tx = o.x + s + inch + 20;
        double room = o.x + width - tx;
        int line = 0;
        for (String text : List.of("Print at 100% (actual size): the squares must measure 5 cm and 1 inch.",
                p.seamNote().substring(0, 1).toUpperCase() + p.seamNote().substring(1) + ".",
                "Pieces, fabric, stuffing and steps: see the instructions page.")) {
            for (String part : Lettering.wrap(text, 3.2, room)) {
                labels.add(new Text(tx, o.y + 4 + line++ * 4.5, part, 3.2, false));
            }
        }
    }

    private static Coordinate unit(Coordinate from, Coordinate to) {
        double dx = to.x - from.x;
        double dy = to.y - from.y;
        double len = Math.max(1e-9, Math.hypot(dx, dy));
        return new Coordinate(dx / len, dy / len);
    }

    private static Path ring(Polygon polygon) {
        Coordinate[] c = polygon.getExteriorRing().getCoordinates();
        return path(java.util.Arrays.copyOf(c, c.length - 1), true);
    }

    private static Path path(Coordinate[] c, boolean closed) {
        double[] xy = new double[c.length * 2];
        for (int i = 0; i < c.length; i++) {
            xy[2 * i] = c[i].x;
            xy[2 * i + 1] = c[i].y;
        }
        return new Path(xy, closed);
    }

    private static Path segment(Coordinate a, Coordinate b) {
        return new Path(new double[] {a.x, a.y, b.x, b.y}, false);
    }
}
