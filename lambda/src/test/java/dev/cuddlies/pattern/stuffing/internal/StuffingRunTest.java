package dev.cuddlies.pattern.stuffing.internal;

import dev.cuddlies.pattern.stuffing.Fabric;
import dev.cuddlies.pattern.stuffing.StuffedShape;
import dev.cuddlies.pattern.stuffing.StuffingConfig;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.util.GeometricShapeFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StuffingRunTest {

    private static Polygon disc(double r) {
        GeometricShapeFactory f = new GeometricShapeFactory();
        f.setCentre(new Coordinate(10, 20));
        f.setSize(2 * r);
        f.setNumPoints(360);
        return f.createCircle();
    }

    @Test
    void fabricStretchesNoFurtherThanItGivesPlusTheSolversTolerance() {
        for (Fabric fabric : new Fabric[] {Fabric.INEXTENSIBLE, Fabric.WOVEN, Fabric.MINKY}) {
            StuffingRun run = new StuffingRun(disc(70), StuffingConfig.defaults().withFabric(fabric));
            run.stuff();
            // The stretch limit is a stiff penalty: a disc overshoots it by about 0.4 % at rest.
            assertThat(run.maxStrain()).as("largest strain with %s", fabric)
                    .isBetween(fabric.maxStretch(), fabric.maxStretch() + 0.01);
        }
    }

    @Test
    void stuffingIsDeterministic() {
        StuffingConfig config = StuffingConfig.defaults().withTargetVertices(600);
        StuffingRun first = new StuffingRun(disc(50), config);
        first.stuff();
        StuffingRun second = new StuffingRun(disc(50), config);
        second.stuff();
        assertThat(second.shape(1).vertices()).containsExactly(first.shape(1).vertices());
    }

    @Test
    void bothLayersMirrorEachOtherAcrossTheSeam() {
        StuffingRun run = new StuffingRun(disc(50), StuffingConfig.defaults().withTargetVertices(600));
        run.stuff();
        StuffedShape shape = run.shape(1);
        double[] p = shape.vertices();
        double volumeAbove = 0;
        double zMax = 0;
        double zMin = 0;
        for (int i = 2; i < p.length; i += 3) {
            zMax = Math.max(zMax, p[i]);
            zMin = Math.min(zMin, p[i]);
            volumeAbove += p[i];
        }
        assertThat(zMax).isCloseTo(-zMin, within(1e-9));
        assertThat(volumeAbove).isCloseTo(0, within(1e-6 * zMax * p.length));
        for (int v : shape.seam()) {
            assertThat(p[3 * v + 2]).isZero();
        }
    }

    @Test
    void softStuffingIsThinnerAndPullsTheOutlineInLess() {
        StuffingRun run = new StuffingRun(disc(60), StuffingConfig.defaults().withTargetVertices(800));
        run.stuff();
        StuffedShape firm = run.shape(1);
        StuffedShape soft = run.shape(0.6);
        assertThat(soft.thicknessMm()).isCloseTo(0.6 * firm.thicknessMm(), within(0.01));
        assertThat(soft.widthMm()).isGreaterThan(firm.widthMm()).isLessThan(120);
        assertThat(soft.volumeMm3()).isLessThan(firm.volumeMm3());
    }

    @Test
    void thicknessMapIsBackToFrontAndZeroOutside() {
        StuffingRun run = new StuffingRun(disc(50), StuffingConfig.defaults().withTargetVertices(800));
        run.stuff();
        StuffedShape shape = run.shape(1);
        Coordinate c = shape.frontSilhouette().getCentroid().getCoordinate();
        assertThat(shape.thickness().atMm(c.x, c.y)).isCloseTo(shape.thicknessMm(), within(0.03 * shape.thicknessMm()));
        assertThat(shape.thickness().maxMm()).isCloseTo(shape.thicknessMm(), within(0.03 * shape.thicknessMm()));
        assertThat(shape.thickness().atMm(c.x + 49, c.y + 49)).isZero();
        assertThat(shape.thickness().atMm(c.x + 1000, c.y)).isZero();
    }
}
