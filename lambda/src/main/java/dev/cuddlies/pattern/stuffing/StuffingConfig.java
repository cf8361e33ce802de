package dev.cuddlies.pattern.stuffing;

/**
 * Knobs of the stuffing simulation and compensation, each with a documented default
 * ({@link #defaults()}).
 *
 * @param targetVertices  about how many vertices the sewn two-layer mesh has (Plushie kept
 *                        1,000–2,000 to stay interactive)
 * @param fabric          how far the fabric gives
 * @param softFill        {@link StuffingMode#SOFT}: the share of the firm shape's deformation a
 *                        loosely stuffed toy takes on (0 = flat, 1 = firm)
 * @param stuffIterations solver iterations at most to stuff the flat pieces
 * @param roundIterations solver iterations at most to restuff after each compensation round
 * @param maxRounds       compensation rounds (move the stitch line, recut, restuff) at most
 * @param goodEnoughIoU   compensation stops once the silhouette matches the target this well
 */
public record StuffingConfig(int targetVertices, Fabric fabric, double softFill, int stuffIterations,
                             int roundIterations, int maxRounds, double goodEnoughIoU) {

    public static final int DEFAULT_TARGET_VERTICES = 1500;
    public static final double DEFAULT_SOFT_FILL = 0.6;
    public static final int DEFAULT_STUFF_ITERATIONS = 2000;
    public static final int DEFAULT_ROUND_ITERATIONS = 500;
    public static final int DEFAULT_MAX_ROUNDS = 10;
    public static final double DEFAULT_GOOD_ENOUGH_IOU = 0.97;

    public static StuffingConfig defaults() {
        return new StuffingConfig(DEFAULT_TARGET_VERTICES, Fabric.WOVEN, DEFAULT_SOFT_FILL, DEFAULT_STUFF_ITERATIONS,
                DEFAULT_ROUND_ITERATIONS, DEFAULT_MAX_ROUNDS, DEFAULT_GOOD_ENOUGH_IOU);
    }

    public StuffingConfig withFabric(Fabric v) {
        return new StuffingConfig(targetVertices, v, softFill, stuffIterations, roundIterations, maxRounds,
                goodEnoughIoU);
    }

    public StuffingConfig withTargetVertices(int v) {
        return new StuffingConfig(v, fabric, softFill, stuffIterations, roundIterations, maxRounds, goodEnoughIoU);
    }

    /** @throws IllegalArgumentException naming the first knob out of range */
    public StuffingConfig checkValidity() {
        require(targetVertices >= 100 && targetVertices <= 20_000, "targetVertices must be between 100 and 20000");
        require(fabric != null, "a fabric is needed");
        require(softFill > 0 && softFill <= 1, "softFill must be in (0, 1]");
        require(stuffIterations >= 1, "stuffIterations must be positive");
        require(roundIterations >= 1, "roundIterations must be positive");
        require(maxRounds >= 0 && maxRounds <= 100, "maxRounds must be between 0 and 100");
        require(goodEnoughIoU > 0 && goodEnoughIoU <= 1, "goodEnoughIoU must be in (0, 1]");
        return this;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
