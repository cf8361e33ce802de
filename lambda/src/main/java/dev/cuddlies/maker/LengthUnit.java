package dev.cuddlies.maker;

/** Units a parent may give a height in, with their size in millimetres. */
public enum LengthUnit {
    MM(1), CM(10), METRE(1000), INCH(25.4), FOOT(304.8);

    private final double mm;

    LengthUnit(double mm) {
        this.mm = mm;
    }

    /** @return {@code value} of this unit, in millimetres */
    public double toMm(double value) {
        return value * mm;
    }
}
