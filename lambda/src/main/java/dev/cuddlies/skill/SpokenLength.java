package dev.cuddlies.skill;

import dev.cuddlies.maker.LengthUnit;

/** Lengths said without a number ("a foot tall", "half a metre"); ids of the SpokenLength slot type. */
public enum SpokenLength {
    ONE_FOOT(LengthUnit.FOOT.toMm(1)),
    FOOT_AND_A_HALF(LengthUnit.FOOT.toMm(1.5)),
    HALF_FOOT(LengthUnit.FOOT.toMm(0.5)),
    HALF_METRE(LengthUnit.METRE.toMm(0.5)),
    ONE_METRE(LengthUnit.METRE.toMm(1));

    private final double mm;

    SpokenLength(double mm) {
        this.mm = mm;
    }

    public double mm() {
        return mm;
    }
}
