package dev.cuddlies.pattern;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

import java.util.List;

/**
 * One pattern piece, placed on the layout (mm, y down: SVG coordinates).
 *
 * @param kind        which piece
 * @param name        its name, e.g. "FRONT", "PART A"; unique in a pattern
 * @param cutCount    how many to cut
 * @param mirrored    the piece is the traced figure seen from behind
 * @param pairReversed of the {@code cutCount} pieces, half are cut with the pattern turned over
 * @param stitch      the stitch line (sewing line)
 * @param cut         the cut line: the stitch line plus the seam allowance
 * @param notches     numbered matching marks, each from the stitch line out to the cut line
 * @param turningGap  the stretch of seam left open for turning and stuffing; null when none
 * @param openEnd     for a part or a cord: the end left open and sewn into the body seam; null otherwise
 * @param embroidery  lines to embroider on the piece
 * @param placements  where parts are sewn into this piece's seam, on its stitch line
 * @param grainLine   the fabric's straight grain, along which the piece is laid
 * @param foldLine    for a cord: the line it is folded along; null otherwise
 * @param label       the piece's printed label and where it goes (no line crosses it)
 */
public record Piece(Kind kind, String name, int cutCount, boolean mirrored, boolean pairReversed, Polygon stitch,
                    Polygon cut, List<Notch> notches, List<Coordinate> turningGap, LineString openEnd,
                    List<LineString> embroidery, List<Placement> placements, LineSegment grainLine,
                    LineSegment foldLine, PieceLabel label) {

    /** The pieces a plush is sewn from. */
    public enum Kind { FRONT, BACK, GUSSET, PART, CORD }

    /** A numbered matching mark: pieces are sewn with equal numbers together. */
    public record Notch(int number, LineSegment mark) {
    }

    /** Where the piece named {@code partName} is sewn into this piece's seam: a point on its stitch line. */
    public record Placement(String partName, Coordinate at) {
    }

    public Piece {
        notches = List.copyOf(notches);
        turningGap = turningGap == null ? null : List.copyOf(turningGap);
        embroidery = List.copyOf(embroidery);
        placements = List.copyOf(placements);
    }

    /** "FRONT - cut 1", "PART A - cut 2 (1 reversed)". */
    public String title() {
        return name + " - cut " + cutCount + (pairReversed ? " (" + cutCount / 2 + " reversed)" : "")
                + (mirrored ? " (mirrored)" : "");
    }

    Piece withLabel(PieceLabel l, LineSegment grain) {
        return new Piece(kind, name, cutCount, mirrored, pairReversed, stitch, cut, notches, turningGap, openEnd,
                embroidery, placements, grain, foldLine, l);
    }
}
