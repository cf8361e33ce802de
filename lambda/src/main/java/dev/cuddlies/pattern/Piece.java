package dev.cuddlies.pattern;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.Polygon;

import java.util.List;

/**
 * One pattern piece, placed on the layout (mm, y down).
 *
 * @param kind        which piece
 * @param label       what is printed on it, e.g. "FRONT - cut 1"
 * @param stitch      the stitch line (sewing line)
 * @param cut         the cut line: the stitch line plus the seam allowance
 * @param notches     matching marks, each from the stitch line out to the cut line
 * @param turningGap  the stretch of seam left open for turning and stuffing; null when none
 * @param grainLine   the fabric's straight grain, along which the piece is laid
 * @param labelAt     where the label is printed
 */
public record Piece(Kind kind, String label, Polygon stitch, Polygon cut, List<LineSegment> notches,
                    List<Coordinate> turningGap, LineSegment grainLine, Coordinate labelAt) {

    /** The pieces a plush is sewn from. */
    public enum Kind { FRONT, BACK, GUSSET }

    public Piece {
        notches = List.copyOf(notches);
        turningGap = turningGap == null ? null : List.copyOf(turningGap);
    }
}
