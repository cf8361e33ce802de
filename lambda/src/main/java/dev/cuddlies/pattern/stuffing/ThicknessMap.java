package dev.cuddlies.pattern.stuffing;

/**
 * How thick the stuffed toy is, seen from the front: for each cell of a grid laid over the pattern
 * (mm, the pattern's own x and y), the distance from the back surface to the front surface, mm;
 * 0 outside the toy. Row-major, row 0 at {@code originYMm}.
 *
 * @param originXMm  x of the first cell's corner, mm
 * @param originYMm  y of the first cell's corner, mm
 * @param cellMm     cell side, mm
 * @param columns    cells across
 * @param rows       cells down
 * @param thicknessMm thickness per cell, mm; {@code columns × rows} values. Not to be modified.
 */
public record ThicknessMap(double originXMm, double originYMm, double cellMm, int columns, int rows,
                           float[] thicknessMm) {

    public ThicknessMap {
        if (thicknessMm.length != columns * rows) {
            throw new IllegalArgumentException("thickness values do not fill the grid");
        }
    }

    /** Thickness at a point, mm (0 outside the grid or the toy). */
    public double atMm(double xMm, double yMm) {
        int i = (int) Math.floor((xMm - originXMm) / cellMm);
        int j = (int) Math.floor((yMm - originYMm) / cellMm);
        if (i < 0 || j < 0 || i >= columns || j >= rows) {
            return 0;
        }
        return thicknessMm[j * columns + i];
    }

    /** The greatest thickness, mm. */
    public double maxMm() {
        double max = 0;
        for (float t : thicknessMm) {
            max = Math.max(max, t);
        }
        return max;
    }
}
