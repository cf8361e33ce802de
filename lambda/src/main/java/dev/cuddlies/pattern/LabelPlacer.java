package dev.cuddlies.pattern;

import org.locationtech.jts.algorithm.construct.MaximumInscribedCircle;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Puts a piece's label where no line crosses it (inside the piece, as near its roomiest point as it
 * fits, shrinking the lettering if it must), then the grain arrow beside the label, not through it.
 */
final class LabelPlacer {

    /** Title sizes tried, mm; the note is 60 % of the title. */
    private static final double[] SIZES_MM = {5, 4, 3.2, 2.5};
    /** Labels keep this far inside the stitch line and from every mark, mm. */
    private static final double CLEARANCE_MM = 2;
    /** Under a piece too small to hold its label, the label's title baseline this far below the cut line, mm. */
    static final double BELOW_MM = 5;
    /** The grain arrow keeps this far from the label and the stitch line, mm. */
    private static final double GRAIN_CLEARANCE_MM = 3;
    private static final GeometryFactory GF = new GeometryFactory();

    private LabelPlacer() {
    }

    /** @param marks everything drawn inside the piece besides the label (notch numbers, gap arrows, embroidery) */
    static Piece place(Piece piece, String note, Geometry marks, Paper paper) {
        Polygon stitch = piece.stitch();
        PreparedGeometry room = PreparedGeometryFactory.prepare(stitch.buffer(-CLEARANCE_MM));
        PreparedGeometry blocked = PreparedGeometryFactory.prepare(marks.buffer(CLEARANCE_MM));
        Coordinate centre = new MaximumInscribedCircle(stitch, 0.5).getCenter().getCoordinate();
        Envelope env = stitch.getEnvelopeInternal();
        for (double size : SIZES_MM) {
            Envelope proto = PieceLabel.at(piece.title(), note, 0, 0, size).box();
            double step = Math.max(1.5, Math.min(proto.getHeight(), proto.getWidth()) / 3);
            List<Coordinate> candidates = new ArrayList<>();
            for (double x = env.getMinX(); x <= env.getMaxX(); x += step) {
                for (double y = env.getMinY(); y <= env.getMaxY(); y += step) {
                    candidates.add(new Coordinate(x, y));
                }
            }
            candidates.sort(Comparator.comparingDouble(c -> c.distance(centre)));
            for (Coordinate c : candidates) {
                // c is the centre of the label's box; the box is the prototype's, moved there.
                Envelope at = new Envelope(c.x - proto.getWidth() / 2, c.x + proto.getWidth() / 2,
                        c.y - proto.getHeight() / 2, c.y + proto.getHeight() / 2);
                Coordinate off = SheetPlan.nudge(paper, at);
                if (!env.contains(at) || off.x != 0 || off.y != 0) {
                    continue; // outside the piece, or across two sheets
                }
                Geometry box = GF.toGeometry(at);
                if (room.covers(box) && !blocked.intersects(box)) {
                    PieceLabel label = PieceLabel.at(piece.title(), note, c.x - proto.centre().x, c.y - proto.centre().y, size);
                    return piece.withLabel(label, grainBeside(stitch, label.box()));
                }
            }
        }
        Envelope cut = piece.cut().getEnvelopeInternal();
        PieceLabel below = PieceLabel.at(piece.title(), note, cut.centre().x, cut.getMaxY() + BELOW_MM, 3.2);
        Coordinate off = SheetPlan.nudge(paper, below.box());
        below = PieceLabel.at(piece.title(), note, below.x() + off.x, below.y() + off.y, below.sizeMm());
        return piece.withLabel(below, grainBeside(stitch, below.box()));
    }

    /** The longest vertical segment inside the piece that keeps clear of the label, inset at both ends. */
    static LineSegment grainBeside(Polygon stitch, Envelope label) {
        Geometry room = stitch.buffer(-GRAIN_CLEARANCE_MM);
        if (room.isEmpty()) {
            room = stitch;
        }
        Envelope keep = new Envelope(label);
        keep.expandBy(GRAIN_CLEARANCE_MM);
        Envelope env = room.getEnvelopeInternal();
        double centreX = env.centre().x;
        double bestScore = -Double.MAX_VALUE;
        double[] best = null;
        for (double x = env.getMinX() + 0.5; x < env.getMaxX(); x += 3) {
            Geometry inside = GF.createLineString(new Coordinate[] {
                new Coordinate(x, env.getMinY() - 1), new Coordinate(x, env.getMaxY() + 1)}).intersection(room);
            for (int i = 0; i < inside.getNumGeometries(); i++) {
                Envelope seg = inside.getGeometryN(i).getEnvelopeInternal();
                List<double[]> spans = new ArrayList<>();
                if (x >= keep.getMinX() && x <= keep.getMaxX()) {
                    spans.add(new double[] {seg.getMinY(), Math.min(seg.getMaxY(), keep.getMinY())});
                    spans.add(new double[] {Math.max(seg.getMinY(), keep.getMaxY()), seg.getMaxY()});
                } else {
                    spans.add(new double[] {seg.getMinY(), seg.getMaxY()});
                }
                for (double[] s : spans) {
                    double length = s[1] - s[0];
                    double score = length - 0.25 * Math.abs(x - centreX);
                    if (length > 0 && score > bestScore) {
                        bestScore = score;
                        best = new double[] {x, s[0], s[1]};
                    }
                }
            }
        }
        if (best == null) {
            Coordinate c = stitch.getInteriorPoint().getCoordinate();
            return new LineSegment(new Coordinate(c.x, c.y - 2), new Coordinate(c.x, c.y + 2));
        }
        double inset = (best[2] - best[1]) * 0.1;
        return new LineSegment(new Coordinate(best[0], best[1] + inset), new Coordinate(best[0], best[2] - inset));
    }
}
