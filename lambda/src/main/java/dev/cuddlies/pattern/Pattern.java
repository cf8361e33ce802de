package dev.cuddlies.pattern;

import org.locationtech.jts.geom.Coordinate;

import java.util.List;

/**
 * A sewable plush pattern laid out on one sheet, in millimetres with y pointing down.
 *
 * @param pieces          FRONT, BACK and, when asked for, GUSSET
 * @param widthMm         width of the whole layout
 * @param heightMm        height of the whole layout
 * @param scaleCheckOrigin top-left corner of the 5 cm and 1 in scale-check squares
 * @param stitchPerimeterMm length of the stitch line of the front
 * @param figureWidthMm   width of the finished front
 * @param figureHeightMm  height of the finished front
 * @param spec            what was asked for
 * @param warnings        what was changed to make the shape sewable, in plain words
 */
public record Pattern(List<Piece> pieces, double widthMm, double heightMm, Coordinate scaleCheckOrigin,
                      double stitchPerimeterMm, double figureWidthMm, double figureHeightMm, PatternSpec spec,
                      List<String> warnings) {

    public static final double SCALE_SQUARE_MM = 50;
    public static final double SCALE_SQUARE_INCH_MM = 25.4;

    public Pattern {
        pieces = List.copyOf(pieces);
        warnings = List.copyOf(warnings);
    }

    public boolean hasGusset() {
        return pieces.stream().anyMatch(p -> p.kind() == Piece.Kind.GUSSET);
    }
}
