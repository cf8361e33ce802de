package dev.cuddlies.pattern.render;

import dev.cuddlies.pattern.Length;
import dev.cuddlies.pattern.Pattern;
import dev.cuddlies.pattern.Piece;
import dev.cuddlies.pattern.render.Drawing.Layer;
import dev.cuddlies.pattern.render.Drawing.Mark;
import dev.cuddlies.pattern.render.Drawing.Path;
import dev.cuddlies.pattern.render.Drawing.Rect;
import dev.cuddlies.pattern.render.Drawing.Style;
import dev.cuddlies.pattern.render.Drawing.Text;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.Polygon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Lays a {@link Pattern} out as a {@link Drawing}: cut lines, stitch lines, marks and labels. */
public final class PatternDrawing {

    private static final double GAP_TICK_MM = 8;
    private static final double ARROW_MM = 4;
    /** About 75 mm of 3.2 mm Helvetica: what fits beside the scale squares on an A4 or Letter sheet. */
    private static final int LEGEND_CHARS = 44;

    private PatternDrawing() {
    }

    public static Drawing of(Pattern pattern) {
        List<Mark> cut = new ArrayList<>();
        List<Mark> stitch = new ArrayList<>();
        List<Mark> marks = new ArrayList<>();
        List<Mark> labels = new ArrayList<>();
        for (Piece piece : pattern.pieces()) {
            cut.add(ring(piece.cut()));
            stitch.add(ring(piece.stitch()));
            for (LineSegment n : piece.notches()) {
                marks.add(segment(n.p0, n.p1));
            }
            if (piece.turningGap() != null) {
                addTurningGap(piece.stitch(), piece.turningGap(), marks, labels);
            }
            addGrainLine(piece.grainLine(), marks);
            Coordinate at = piece.labelAt();
            labels.add(new Text(at.x, at.y - 4, piece.label(), 5, true));
            labels.add(new Text(at.x, at.y + 3, "seam allowance "
                    + String.format(Locale.ROOT, "%.0f mm", pattern.spec().seamMm()) + " included", 3, true));
        }
        addLegend(pattern, marks, labels);
        return new Drawing(pattern.widthMm(), pattern.heightMm(), List.of(
                new Layer("cut", Style.CUT, cut),
                new Layer("stitch", Style.STITCH, stitch),
                new Layer("marks", Style.MARK, marks),
                new Layer("labels", Style.TEXT, labels)));
    }

    private static void addTurningGap(Polygon stitch, List<Coordinate> gap, List<Mark> marks, List<Mark> labels) {
        double[] along = new double[gap.size() * 2];
        for (int i = 0; i < gap.size(); i++) {
            along[2 * i] = gap.get(i).x;
            along[2 * i + 1] = gap.get(i).y;
        }
        marks.add(new Path(along, false)); // drawn solid over the dashed stitch line: "not sewn here"
        Coordinate inward = inwardOfGap(stitch, gap);
        for (Coordinate end : List.of(gap.get(0), gap.get(gap.size() - 1))) {
            marks.add(segment(new Coordinate(end.x - inward.x * GAP_TICK_MM / 2, end.y - inward.y * GAP_TICK_MM / 2),
                    new Coordinate(end.x + inward.x * GAP_TICK_MM / 2, end.y + inward.y * GAP_TICK_MM / 2)));
        }
        Coordinate mid = gap.get(gap.size() / 2);
        labels.add(new Text(mid.x + inward.x * 10, mid.y + inward.y * 10, "leave open (turning gap)", 3, true));
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

    private static void addGrainLine(LineSegment grain, List<Mark> marks) {
        marks.add(segment(grain.p0, grain.p1));
        for (Coordinate[] end : new Coordinate[][] {{grain.p0, grain.p1}, {grain.p1, grain.p0}}) {
            Coordinate tip = end[0];
            double dx = end[1].x - tip.x;
            double dy = end[1].y - tip.y;
            double len = Math.max(1e-9, Math.hypot(dx, dy));
            double ux = dx / len * ARROW_MM;
            double uy = dy / len * ARROW_MM;
            marks.add(new Path(new double[] {tip.x + ux - uy / 2, tip.y + uy + ux / 2, tip.x, tip.y,
                tip.x + ux + uy / 2, tip.y + uy - ux / 2}, false));
        }
    }

    private static void addLegend(Pattern p, List<Mark> marks, List<Mark> labels) {
        Coordinate o = p.scaleCheckOrigin();
        double titleY = o.y - 12;
        labels.add(new Text(o.x, titleY, "Cuddlies plush pattern - "
                + Length.describeCm(p.spec().heightMm()) + " tall, " + Length.describeCm(p.figureWidthMm()) + " wide",
                6, false));
        labels.add(new Text(o.x, titleY + 6, "Cut on the solid line, sew on the dashed line. Match the notches."
                + " Print at 100% (no scaling): check the squares.", 3.2, false));
        double s = Pattern.SCALE_SQUARE_MM;
        double inch = Pattern.SCALE_SQUARE_INCH_MM;
        marks.add(new Rect(o.x, o.y, s, s));
        labels.add(new Text(o.x + s / 2, o.y + s / 2 + 1.5, "5 cm", 4, true));
        marks.add(new Rect(o.x + s + 10, o.y, inch, inch));
        labels.add(new Text(o.x + s + 10 + inch / 2, o.y + inch / 2 + 1.5, "1 in", 4, true));
        double tx = o.x + s + inch + 25;
        int line = 0;
        for (String text : legendLines(p)) {
            // Wrapped to the room beside the squares, so the legend stays on the first sheet.
            for (String part : wrap(text, LEGEND_CHARS)) {
                labels.add(new Text(tx, o.y + 4 + line++ * 4.5, part, 3.2, false));
            }
        }
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : text.split(" ")) {
            if (current.length() > 0 && current.length() + 1 + word.length() > width) {
                lines.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append(' ');
            }
            current.append(word);
        }
        if (current.length() > 0) {
            lines.add(current.toString());
        }
        return lines;
    }

    private static List<String> legendLines(Pattern p) {
        List<String> lines = new ArrayList<>();
        lines.add("Pieces: " + String.join(", ", p.pieces().stream().map(Piece::label).toList()));
        lines.add(String.format(Locale.ROOT, "Seam length %s; notches about every %s",
                Length.describeCm(p.stitchPerimeterMm()), Length.describeCm(p.spec().notchSpacingMm())));
        lines.add("Leave the turning gap open, turn, stuff, close by hand.");
        p.warnings().forEach(w -> lines.add("Note: " + w));
        return lines;
    }

    private static Path ring(Polygon polygon) {
        Coordinate[] c = polygon.getExteriorRing().getCoordinates();
        double[] xy = new double[(c.length - 1) * 2];
        for (int i = 0; i < c.length - 1; i++) {
            xy[2 * i] = c[i].x;
            xy[2 * i + 1] = c[i].y;
        }
        return new Path(xy, true);
    }

    private static Path segment(Coordinate a, Coordinate b) {
        return new Path(new double[] {a.x, a.y, b.x, b.y}, false);
    }
}
