package dev.cuddlies.pattern.stuffing;

import dev.cuddlies.pattern.stuffing.internal.StuffingRun;
import org.locationtech.jts.geom.Polygon;

/**
 * Sews a front and a mirrored back cut from one pattern piece along the stitch line and stuffs the
 * toy: the shape it takes, its front silhouette and its thickness. See {@code internal.Inflation}
 * for the physics.
 */
public final class StuffingSimulator {

    private final StuffingConfig config;

    public StuffingSimulator(StuffingConfig config) {
        this.config = config.checkValidity();
    }

    /**
     * @param stitchLineMm the pattern piece's stitch line (a simple polygon; holes are ignored), mm.
     *                     Not modified.
     * @param mode         how it is stuffed; {@link StuffingMode#OFF} is simulated as firm
     */
    public StuffedShape simulate(Polygon stitchLineMm, StuffingMode mode) {
        StuffingRun run = new StuffingRun(stitchLineMm, config);
        run.stuff();
        return run.shape(fill(mode));
    }

    double fill(StuffingMode mode) {
        return mode == StuffingMode.SOFT ? config.softFill() : 1;
    }
}
