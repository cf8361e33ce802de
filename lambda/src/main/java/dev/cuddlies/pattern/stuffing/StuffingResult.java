package dev.cuddlies.pattern.stuffing;

import org.locationtech.jts.geom.Polygon;

import java.util.Optional;

/**
 * The stuffing step of one pattern: what was asked, what happened, and, when it was simulated, the
 * prediction and the shape {@code stuffed.png} is drawn from.
 *
 * @param mode     how the toy is to be stuffed
 * @param status   what became of the step
 * @param report   the predicted size and silhouette match, when {@link StuffingStatus#simulated()}
 * @param shape    the simulated toy of the pattern as cut, when simulated
 * @param targetMm the outline the stuffed toy should show, at the requested height, mm
 * @param rounds   compensation rounds run
 */
public record StuffingResult(StuffingMode mode, StuffingStatus status, Optional<StuffingReport> report,
                             Optional<StuffedShape> shape, Polygon targetMm, int rounds) {

    public StuffingResult {
        if (status.simulated() != report.isPresent() || report.isPresent() != shape.isPresent()) {
            throw new IllegalArgumentException("a report and a shape exactly when simulated: " + status);
        }
    }

    /** Nothing simulated: {@link StuffingStatus#NO_TIME} or {@link StuffingStatus#FAILED}. */
    public static StuffingResult notSimulated(StuffingMode mode, StuffingStatus status, Polygon targetMm) {
        return new StuffingResult(mode, status, Optional.empty(), Optional.empty(), targetMm, 0);
    }

    /** {@code stuffed.png}, when a shape was simulated. */
    public Optional<byte[]> previewPng() {
        return shape.map(s -> StuffedPreview.png(targetMm, s));
    }
}
