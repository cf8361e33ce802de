package dev.cuddlies.pattern;

import dev.cuddlies.pattern.stuffing.StuffingMode;

/**
 * What pattern to make from an outline. All lengths in millimetres unless typed as a {@link Length}.
 *
 * @param heightMm        finished height of the toy (its stitch line, separate parts placed as sewn)
 * @param seam            seam allowance: the cut line lies this far outside the stitch line; printed in
 *                        the unit it was given in
 * @param minWidthMm      no piece is narrower than this anywhere, or it could not be turned right side out
 * @param cornerRadiusMm  concave corners are rounded to at least this radius
 * @param toleranceMm     the stitch line may deviate this much from the traced shape when simplified
 * @param notchSpacingMm  matching notches about this far apart along the seam
 * @param gussetWidthMm   width of an optional side gusset strip; 0 = none
 * @param paper           sheet size the PDF is tiled on
 * @param stuffing        how the toy will be stuffed: the pattern is enlarged so the stuffed toy, not
 *                        the flat one, is {@code heightMm} tall and keeps the outline's shape (not when OFF)
 */
public record PatternSpec(double heightMm, Length seam, double minWidthMm, double cornerRadiusMm,
                          double toleranceMm, double notchSpacingMm, double gussetWidthMm, Paper paper,
                          StuffingMode stuffing) {

    public static final double DEFAULT_HEIGHT_MM = 300;
    public static final double DEFAULT_SEAM_MM = 6;
    public static final double DEFAULT_MIN_WIDTH_MM = 25;
    public static final double DEFAULT_CORNER_RADIUS_MM = 3;
    public static final double DEFAULT_TOLERANCE_MM = 0.5;
    public static final double DEFAULT_NOTCH_SPACING_MM = 100;
    public static final double MIN_HEIGHT_MM = 80;
    public static final double MAX_HEIGHT_MM = 2000;

    public static PatternSpec defaults() {
        return new PatternSpec(DEFAULT_HEIGHT_MM, Length.mm(DEFAULT_SEAM_MM), DEFAULT_MIN_WIDTH_MM,
                DEFAULT_CORNER_RADIUS_MM, DEFAULT_TOLERANCE_MM, DEFAULT_NOTCH_SPACING_MM, 0, Paper.A4, StuffingMode.FIRM);
    }

    /** The seam allowance, mm. */
    public double seamMm() {
        return seam.mm();
    }

    public PatternSpec withHeightMm(double v) {
        return new PatternSpec(v, seam, minWidthMm, cornerRadiusMm, toleranceMm, notchSpacingMm, gussetWidthMm, paper, stuffing);
    }

    public PatternSpec withSeam(Length v) {
        return new PatternSpec(heightMm, v, minWidthMm, cornerRadiusMm, toleranceMm, notchSpacingMm, gussetWidthMm, paper, stuffing);
    }

    public PatternSpec withSeamMm(double v) {
        return withSeam(Length.mm(v));
    }

    public PatternSpec withGussetWidthMm(double v) {
        return new PatternSpec(heightMm, seam, minWidthMm, cornerRadiusMm, toleranceMm, notchSpacingMm, v, paper, stuffing);
    }

    public PatternSpec withPaper(Paper v) {
        return new PatternSpec(heightMm, seam, minWidthMm, cornerRadiusMm, toleranceMm, notchSpacingMm, gussetWidthMm, v, stuffing);
    }

    public PatternSpec withStuffing(StuffingMode v) {
        return new PatternSpec(heightMm, seam, minWidthMm, cornerRadiusMm, toleranceMm, notchSpacingMm, gussetWidthMm, paper, v);
    }

    /** @throws IllegalArgumentException with a plain message naming the first value out of range */
    public PatternSpec checkValidity() {
        require(heightMm >= MIN_HEIGHT_MM && heightMm <= MAX_HEIGHT_MM,
                "the height must be between 8 cm and 2 m");
        require(seam != null && seamMm() >= 3 && seamMm() <= 25, "the seam allowance must be between 3 mm and 2.5 cm");
        require(minWidthMm >= 0 && minWidthMm <= heightMm / 2, "the minimum width must be under half the height");
        require(cornerRadiusMm >= 0 && cornerRadiusMm <= 50, "the corner radius must be between 0 and 5 cm");
        require(toleranceMm > 0 && toleranceMm <= 5, "the tolerance must be between 0 and 5 mm");
        require(notchSpacingMm >= 30, "notches must be at least 3 cm apart");
        require(gussetWidthMm == 0 || gussetWidthMm >= 10 && gussetWidthMm <= 200,
                "the gusset must be 0 (none) or between 1 and 20 cm wide");
        require(paper != null, "a paper size is needed");
        require(stuffing != null, "a stuffing mode is needed");
        return this;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
