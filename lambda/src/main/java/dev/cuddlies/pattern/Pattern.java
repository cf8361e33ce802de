package dev.cuddlies.pattern;

import dev.cuddlies.pattern.stuffing.StuffingResult;
import org.locationtech.jts.geom.Coordinate;

import java.util.List;

/**
 * A sewable plush pattern laid out on one large sheet, in millimetres with y pointing down (SVG
 * coordinates), and how it is printed.
 *
 * @param pieces            FRONT, BACK, any separate PARTs and CORDs and, when asked for, GUSSET strips
 * @param widthMm           width of the whole layout
 * @param heightMm          height of the whole layout
 * @param scaleCheckOrigin  top-left corner of the 5 cm and 1 in scale-check squares
 * @param legendWidthMm     width of the legend beside and above the scale squares
 * @param stitchPerimeterMm length of the stitch line of the front
 * @param figureWidthMm     width of the sewn toy before stuffing, separate parts in place
 * @param figureHeightMm    height of the sewn toy before stuffing, separate parts in place (taller than
 *                          asked when the pattern was enlarged for stuffing)
 * @param spec              what was asked for
 * @param changes           what was changed to make the shape sewable
 * @param changedShare      area of the difference between traced and sewn shape, over the traced area
 * @param sheets            the printed sheets
 * @param fabric            the pieces nested on the usual fabric widths
 * @param fill              stuffing needed
 * @param stuffing          what stuffing will do to the toy, and whether the pattern was enlarged for it
 */
public record Pattern(List<Piece> pieces, double widthMm, double heightMm, Coordinate scaleCheckOrigin,
                      double legendWidthMm, double stitchPerimeterMm, double figureWidthMm, double figureHeightMm,
                      PatternSpec spec, List<Change> changes, double changedShare, SheetPlan sheets,
                      List<FabricLayout> fabric, FillEstimate fill, StuffingResult stuffing) {

    public static final double SCALE_SQUARE_MM = 50;
    public static final double SCALE_SQUARE_INCH_MM = 25.4;

    public Pattern {
        pieces = List.copyOf(pieces);
        changes = List.copyOf(changes);
        fabric = List.copyOf(fabric);
    }

    /**
     * Height the toy is made to stand, mm: when the pattern was enlarged for stuffing, the height asked
     * for (the stuffed toy's predicted height is in {@link #stuffing()}, within a few percent of it);
     * else the sewn height.
     */
    public double toyHeightMm() {
        return stuffing.status().enlarged() ? spec.heightMm() : figureHeightMm;
    }

    /** Width the toy is made to have, mm: the outline's at the height asked for when enlarged, else the sewn width. */
    public double toyWidthMm() {
        return stuffing.status().enlarged() ? stuffing.targetMm().getEnvelopeInternal().getWidth() : figureWidthMm;
    }

    public boolean hasGusset() {
        return pieces.stream().anyMatch(p -> p.kind() == Piece.Kind.GUSSET);
    }

    public boolean has(Change.Kind kind) {
        return changes.stream().anyMatch(c -> c.kind() == kind);
    }

    /** "seam allowance 1/4 in included", in the unit the seam was asked in. */
    public String seamNote() {
        return "seam allowance " + spec.seam().describe() + " included";
    }
}
