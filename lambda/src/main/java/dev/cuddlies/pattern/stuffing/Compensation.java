package dev.cuddlies.pattern.stuffing;

import org.locationtech.jts.geom.Polygon;

/**
 * A pattern enlarged so that, stuffed, it looks like the target outline.
 *
 * @param stitchLineMm the stitch line to cut the front and the (mirrored) back from, mm
 * @param stuffed      the toy that pattern makes, as simulated
 * @param report       the predicted size and how well the silhouette matches
 * @param rounds       compensation rounds run (0 when {@link StuffingMode#OFF})
 * @param timeRanOut   the rounds were stopped by the caller's deadline before they were done
 */
public record Compensation(Polygon stitchLineMm, StuffedShape stuffed, StuffingReport report, int rounds,
                           boolean timeRanOut) {
}
