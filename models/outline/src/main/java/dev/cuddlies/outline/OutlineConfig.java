package dev.cuddlies.outline;

/**
 * Knobs of the {@link OutlineEngine}, each with a documented default ({@link #defaults()}).
 *
 * @param maxPixels        refuse pictures declaring more pixels than this (decompression bombs)
 * @param maxSidePx        refuse pictures wider or taller than this, px
 * @param minSidePx        refuse pictures narrower or shorter than this, px
 * @param workingPixels    larger pictures are traced on a copy scaled down to about this many pixels;
 *                         the outline is scaled back to the picture's own coordinates
 * @param simplifyPx       Douglas-Peucker tolerance applied to the traced contour, px (0 = none)
 * @param joinGapFraction  parts closer to the figure than this fraction of its size are joined to it
 * @param minPartFraction  parts smaller than this fraction of the figure's area are dropped as specks
 */
public record OutlineConfig(long maxPixels, int maxSidePx, int minSidePx, long workingPixels,
                            double simplifyPx, double joinGapFraction, double minPartFraction) {

    public static final long DEFAULT_MAX_PIXELS = 40_000_000L;
    public static final int DEFAULT_MAX_SIDE_PX = 12_000;
    public static final int DEFAULT_MIN_SIDE_PX = 32;
    public static final long DEFAULT_WORKING_PIXELS = 2_600_000L;
    public static final double DEFAULT_SIMPLIFY_PX = 0.5;

    public static OutlineConfig defaults() {
        return new OutlineConfig(DEFAULT_MAX_PIXELS, DEFAULT_MAX_SIDE_PX, DEFAULT_MIN_SIDE_PX,
                DEFAULT_WORKING_PIXELS, DEFAULT_SIMPLIFY_PX, 0.04, 0.01);
    }

    public OutlineConfig withSimplifyPx(double simplify) {
        return new OutlineConfig(maxPixels, maxSidePx, minSidePx, workingPixels, simplify,
                joinGapFraction, minPartFraction);
    }

    /** @throws IllegalArgumentException naming the first knob out of range */
    public OutlineConfig checkValidity() {
        require(maxPixels > 0, "maxPixels must be positive");
        require(minSidePx >= 3 && minSidePx <= maxSidePx, "minSidePx must be between 3 and maxSidePx");
        require(workingPixels >= 10_000, "workingPixels must be at least 10000");
        require(simplifyPx >= 0 && simplifyPx <= 20, "simplify must be between 0 and 20 px");
        require(joinGapFraction >= 0 && joinGapFraction < 0.5, "joinGapFraction must be in [0, 0.5)");
        require(minPartFraction >= 0 && minPartFraction < 1, "minPartFraction must be in [0, 1)");
        return this;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
