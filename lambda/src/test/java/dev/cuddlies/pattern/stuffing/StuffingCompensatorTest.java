package dev.cuddlies.pattern.stuffing;

import dev.cuddlies.pattern.stuffing.internal.Projections;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Polygon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StuffingCompensatorTest {

    private final StuffingCompensator compensator = new StuffingCompensator(StuffingConfig.defaults());

    @Test
    void aDiscIsCutLargerByWhatStuffingTakes() {
        double a = 100;
        Polygon target = Shapes.disc(a);
        Compensation c = compensator.compensate(target, StuffingMode.FIRM);

        // Uncompensated, the disc stuffs to about 0.7627 of its radius (× 1.02 for woven fabric's
        // stretch), so its silhouette covers about 0.78² of the target.
        assertThat(c.report().silhouetteIoUUncompensated()).isCloseTo(0.78 * 0.78, within(0.04));
        assertThat(c.report().silhouetteIoU()).isGreaterThanOrEqualTo(0.95);
        assertThat(c.stitchLineMm().isValid()).isTrue();
        assertThat(Shapes.equivalentRadius(c.stitchLineMm()) / a).as("pattern radius / target radius")
                .isCloseTo(1 / 0.78, within(0.05));
        assertThat(c.report().predictedWidthMm()).isCloseTo(2 * a, within(0.06 * a));
        assertThat(c.report().predictedHeightMm()).isCloseTo(2 * a, within(0.06 * a));
        assertThat(c.report().mode()).isEqualTo(StuffingMode.FIRM);
    }

    @Test
    void aToyWithLegsKeepsItsLegsApartAndReachesTheTarget() {
        Polygon target = Shapes.toy();
        Compensation c = compensator.compensate(target, StuffingMode.FIRM);
        assertThat(c.report().silhouetteIoU()).isGreaterThanOrEqualTo(0.95);
        assertThat(c.report().silhouetteIoUUncompensated()).isLessThan(0.75);
        // The gap between the legs stays open in the pattern: the point between them is outside it.
        assertThat(c.stitchLineMm().contains(Shapes.GEOMETRY.createPoint(
                new org.locationtech.jts.geom.Coordinate(0, 100)))).isFalse();
        // The report is the stuffed shape's own measure.
        assertThat(Projections.centredIoU(target, c.stuffed().frontSilhouette()))
                .isCloseTo(c.report().silhouetteIoU(), within(1e-12));
        assertThat(c.report().predictedThicknessMm()).isCloseTo(c.stuffed().thicknessMm(), within(1e-12));
    }

    @Test
    void offCutsTheTargetAsItIsAndPredictsWhatItBecomes() {
        Polygon target = Shapes.toy();
        Compensation c = compensator.compensate(target, StuffingMode.OFF);
        assertThat(c.stitchLineMm().equalsExact(target)).isTrue();
        assertThat(c.rounds()).isZero();
        assertThat(c.report().silhouetteIoU()).isEqualTo(c.report().silhouetteIoUUncompensated());
        assertThat(c.report().predictedHeightMm()).isLessThan(target.getEnvelopeInternal().getHeight() * 0.95);
    }

    @Test
    void softStuffingNeedsLessEnlarging() {
        Polygon target = Shapes.disc(80);
        Compensation firm = compensator.compensate(target, StuffingMode.FIRM);
        Compensation soft = compensator.compensate(target, StuffingMode.SOFT);
        assertThat(soft.report().silhouetteIoU()).isGreaterThanOrEqualTo(0.95);
        assertThat(soft.stitchLineMm().getArea()).isLessThan(firm.stitchLineMm().getArea());
        assertThat(soft.report().predictedThicknessMm()).isLessThan(firm.report().predictedThicknessMm());
        assertThat(soft.report().silhouetteIoUUncompensated()).isGreaterThan(firm.report().silhouetteIoUUncompensated());
    }
}
