package dev.cuddlies.pattern;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Polygon;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The materials on the instructions page: stuffing against closed forms, fabric nested without overlaps. */
class FillAndFabricTest {

    @Test
    void stuffingOfADiscIsNearTheInflatedMylarBalloon() throws Exception {
        // Two discs of radius a sewn together inflate to about an oblate spheroid of radius 0.763 a and
        // thickness 1.198 × 0.763 a (Paulsen 1994): volume 4/3 π (0.763 a)² (0.457 a) = 1.113 a³.
        Pattern p = PatternMakerTest.made(TestOutlines.disc(200), PatternSpec.defaults());
        double a = PatternMakerTest.front(p).stitch().getEnvelopeInternal().getWidth() / 2;

        double expectedCm3 = 1.113 * a * a * a / 1000;
        assertThat(p.fill().volumeCm3()).isCloseTo(expectedCm3, within(0.15 * expectedCm3));
        assertThat(p.fill().firmGrams()).isGreaterThan(p.fill().softGrams());
    }

    @Test
    void stuffingOfALongStripIsNearTheTubeItBecomes() throws Exception {
        // A long two-layer strip of width w becomes a tube of diameter 2w/π: volume w² L / π.
        Pattern p = PatternMakerTest.made(TestOutlines.of(100, 100, 160, 100, 160, 900, 100, 900),
                PatternSpec.defaults().withHeightMm(600));
        var env = PatternMakerTest.front(p).stitch().getEnvelopeInternal();
        double w = env.getWidth();

        double expectedCm3 = w * w * env.getHeight() / Math.PI / 1000;
        assertThat(p.fill().volumeCm3()).isCloseTo(expectedCm3, within(0.15 * expectedCm3));
    }

    @Test
    void piecesAreNestedOnBothFabricWidthsWithoutOverlapAndWithTheirGrainAlongTheSelvage() throws Exception {
        Pattern p = PatternMakerTest.made(TestOutlines.thinLegs(), PatternSpec.defaults());

        assertThat(p.fabric()).extracting(FabricLayout::fabricWidthMm).containsExactly(1100.0, 1500.0);
        int copies = p.pieces().stream().mapToInt(Piece::cutCount).sum();
        for (FabricLayout f : p.fabric()) {
            assertThat(f.fits()).isTrue();
            assertThat(f.placed()).hasSize(copies);
            double area = 0;
            for (FabricLayout.Placed a : f.placed()) {
                assertThat(a.cut().getEnvelopeInternal().getMinX()).isGreaterThanOrEqualTo(-1e-6);
                assertThat(a.cut().getEnvelopeInternal().getMaxX()).isLessThanOrEqualTo(f.fabricWidthMm() + 1e-6);
                assertThat(a.cut().getEnvelopeInternal().getMaxY()).isLessThanOrEqualTo(f.lengthMm());
                area += a.cut().getArea();
                for (FabricLayout.Placed b : f.placed()) {
                    if (a != b) {
                        assertThat(a.cut().intersection(b.cut()).getArea()).isLessThan(1e-6);
                    }
                }
            }
            // Nested, not just stacked: the pieces cover a fair share of the fabric used.
            assertThat(area / (f.fabricWidthMm() * f.lengthMm())).isGreaterThan(0.2);
        }
        // Laid with the grain: each FRONT copy is the FRONT turned by 0° or 180°, never sideways.
        Polygon front = PatternMakerTest.front(p).cut();
        List<FabricLayout.Placed> fronts = p.fabric().get(0).placed().stream()
                .filter(x -> x.pieceName().equals("FRONT")).toList();
        assertThat(fronts).singleElement().satisfies(x -> assertThat(x.cut().getEnvelopeInternal().getHeight())
                .isCloseTo(front.getEnvelopeInternal().getHeight(), within(1e-6)));
    }
}
