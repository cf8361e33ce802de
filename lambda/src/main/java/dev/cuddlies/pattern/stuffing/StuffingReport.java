package dev.cuddlies.pattern.stuffing;

/**
 * What stuffing will do to the toy, for pattern.json and the instructions page.
 *
 * @param mode                        how it was asked to be stuffed
 * @param predictedHeightMm           height of the stuffed toy seen from the front
 * @param predictedWidthMm            width of the stuffed toy seen from the front
 * @param predictedThicknessMm        greatest thickness, back to front
 * @param silhouetteIoU               intersection over union of the stuffed front silhouette (from the
 *                                    pattern as made) and the target outline, centroids aligned
 * @param silhouetteIoUUncompensated  the same for a pattern cut to the target outline itself
 */
public record StuffingReport(StuffingMode mode, double predictedHeightMm, double predictedWidthMm,
                             double predictedThicknessMm, double silhouetteIoU,
                             double silhouetteIoUUncompensated) {
}
