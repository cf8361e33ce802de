package dev.cuddlies.pattern;

import dev.cuddlies.outline.Outline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The sewing decisions of the review, one test per finding, on the hand-drawn hard cases. */
class SewingDecisionsTest {

    private final PatternMaker maker = new PatternMaker();

    record Case(String name, Outline outline) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> hardCases() {
        return Stream.of(new Case("kangaroo tail", TestOutlines.kangaroo()), new Case("antennae", TestOutlines.antennae()),
                new Case("whiskers", TestOutlines.whiskers()), new Case("thin legs", TestOutlines.thinLegs()),
                new Case("bat's V", TestOutlines.bat()), new Case("slit", TestOutlines.slit()),
                new Case("speck", TestOutlines.speck()), new Case("disc", TestOutlines.disc(200)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hardCases")
    void turningGapLiesOnTheBodysOwnOutline(Case c) throws Exception {
        Pattern p = make(c.outline(), TestOutlines.asTraced());

        for (Piece piece : p.pieces()) {
            if (piece.turningGap() == null) {
                continue;
            }
            List<Coordinate> gap = piece.turningGap();
            for (Coordinate at : List.of(gap.get(0), gap.get(gap.size() / 2), gap.get(gap.size() - 1))) {
                assertThat(OutsideCriteria.offBodyOutline(piece.stitch(), at)).as(piece.name()).isLessThan(1.0);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hardCases")
    void noPieceIsNarrowerThanTheMinimumWidthAnywhere(Case c) throws Exception {
        Pattern p = make(c.outline(), TestOutlines.asTraced());

        for (Piece piece : p.pieces()) {
            // A square corner reaches 5.2 mm out of the opening; a part too thin to turn reaches further.
            assertThat(OutsideCriteria.narrowReachMm(piece.stitch(), PatternSpec.DEFAULT_MIN_WIDTH_MM))
                    .as(piece.name()).isLessThan(6.0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hardCases")
    void noSlitIsNarrowerThanTwoSeamAllowances(Case c) throws Exception {
        Pattern p = make(c.outline(), TestOutlines.asTraced());

        for (Piece piece : p.pieces()) {
            assertThat(OutsideCriteria.slitResidueMm(piece.stitch(), PatternSpec.DEFAULT_SEAM_MM))
                    .as(piece.name()).isLessThan(1.0);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hardCases")
    void theFinishedToyIsAsTallAsAskedEvenAfterWidening(Case c) throws Exception {
        Pattern p = make(c.outline(), TestOutlines.asTraced());

        assertThat(p.figureHeightMm()).isCloseTo(300, within(3.0));
    }

    @Test
    void thinLegsAreNotMergedIntoATrunk() throws Exception {
        Pattern p = make(TestOutlines.thinLegs(), TestOutlines.asTraced());

        // Widened in place, the two 8 mm legs 10 mm apart would merge into one 43 mm trunk. Every piece
        // that carries a leg is at most one minimum width (plus rounding) across at the legs' height:
        // on the front below the body, or as separate parts.
        Polygon front = PatternMakerTest.front(p).stitch();
        Envelope env = front.getEnvelopeInternal();
        double y = env.getMinY() + 0.85 * p.figureHeightMm();
        Geometry across = front.intersection(new GeometryFactory().createLineString(new Coordinate[] {
            new Coordinate(env.getMinX() - 1, y), new Coordinate(env.getMaxX() + 1, y)}));
        for (int i = 0; i < across.getNumGeometries(); i++) {
            assertThat(across.getGeometryN(i).getLength()).isLessThan(32);
        }
        for (Piece part : p.pieces()) {
            if (part.kind() == Piece.Kind.PART) {
                assertThat(part.stitch().getEnvelopeInternal().getWidth()).isLessThan(32);
            }
        }
        assertThat(p.pieces().stream().filter(x -> x.kind() == Piece.Kind.PART)).hasSize(2);
    }

    @Test
    void aSpeckGluedOnByANarrowNeckIsDropped() throws Exception {
        Pattern p = make(TestOutlines.speck(), TestOutlines.asTraced());

        // The body is 240 px wide and 300 px tall: at 30 cm, 240 mm wide (+ a little rounding).
        assertThat(PatternMakerTest.front(p).stitch().getEnvelopeInternal().getWidth()).isLessThan(246);
    }

    @Test
    void theTurningGapIsScaledToTheToy() throws Exception {
        double small = gapChord(make(TestOutlines.disc(200), TestOutlines.asTraced().withHeightMm(150)));
        double large = gapChord(make(TestOutlines.disc(200), TestOutlines.asTraced().withHeightMm(450)));

        assertThat(small).isBetween(40.0, 70.0);
        assertThat(large).isBetween(100.0, 130.0);
    }

    @Test
    void aSmallBoxGetsItsGapOnOneSideNotRoundACorner() throws Exception {
        Outline box = TestOutlines.of(100, 100, 300, 100, 300, 400, 100, 400);
        Pattern p = make(box, TestOutlines.asTraced().withHeightMm(150));
        List<Coordinate> gap = PatternMakerTest.front(p).turningGap();

        double turned = 0;
        for (int i = 1; i + 1 < gap.size(); i++) {
            double a = Math.atan2(gap.get(i).y - gap.get(i - 1).y, gap.get(i).x - gap.get(i - 1).x);
            double b = Math.atan2(gap.get(i + 1).y - gap.get(i).y, gap.get(i + 1).x - gap.get(i).x);
            turned += Math.abs(Math.atan2(Math.sin(b - a), Math.cos(b - a)));
        }
        assertThat(Math.toDegrees(turned)).isLessThan(30);
    }

    private static double gapChord(Pattern p) {
        List<Coordinate> gap = PatternMakerTest.front(p).turningGap();
        return gap.get(0).distance(gap.get(gap.size() - 1));
    }

    private Pattern make(Outline outline, PatternSpec spec) throws Exception {
        return PatternMakerTest.made(outline, spec);
    }
}
