package dev.cuddlies.pattern;

import dev.cuddlies.outline.Outline;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.distance.DiscreteHausdorffDistance;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.LineSegment;
import org.locationtech.jts.geom.Polygon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PatternMakerTest {

    private final PatternMaker maker = new PatternMaker();

    /** The pattern made, failing the test when the maker asked for a bigger size instead. */
    static Pattern made(Outline outline, PatternSpec spec) throws PatternException {
        PatternOutcome outcome = new PatternMaker().make(outline, spec);
        assertThat(outcome.getClass()).as("outcome").isEqualTo(PatternOutcome.Made.class);
        return ((PatternOutcome.Made) outcome).pattern();
    }

    @Test
    void figureIsScaledToTheRequestedHeight() throws Exception {
        Pattern p = made(TestOutlines.disc(200), TestOutlines.asTraced().withHeightMm(400));

        assertThat(p.figureHeightMm()).isCloseTo(400, within(1.0));
        assertThat(front(p).stitch().getEnvelopeInternal().getHeight()).isCloseTo(400, within(1.0));
    }

    @Test
    void cutLineLiesOneSeamAllowanceOutsideTheStitchLine() throws Exception {
        Pattern p = made(TestOutlines.disc(200), TestOutlines.asTraced().withSeamMm(10));
        Piece front = front(p);

        assertThat(front.cut().contains(front.stitch())).isTrue();
        double d = DiscreteHausdorffDistance.distance(front.cut().getExteriorRing(), front.stitch().getExteriorRing());
        assertThat(d).isCloseTo(10, within(0.5));
    }

    @Test
    void backIsTheMirroredFront() throws Exception {
        Outline asymmetric = TestOutlines.of(100, 100, 400, 100, 400, 200, 200, 200, 200, 500, 100, 500);
        Pattern p = made(asymmetric, TestOutlines.asTraced());
        Polygon front = front(p).stitch();
        Polygon back = piece(p, Piece.Kind.BACK).stitch();

        assertThat(back.getArea()).isCloseTo(front.getArea(), within(0.01));
        // The front's stem stands on the left; seen from behind, the back's stands on the right.
        Envelope fe = front.getEnvelopeInternal();
        Envelope be = back.getEnvelopeInternal();
        assertThat(bottomRowCentre(front, fe) - fe.centre().x).isNegative();
        assertThat(bottomRowCentre(back, be) - be.centre().x).isPositive();
        assertThat(piece(p, Piece.Kind.BACK).title()).contains("mirrored");
    }

    @Test
    void notchesAreAboutTenCentimetresApartAndMatchOnBothPieces() throws Exception {
        Pattern p = made(TestOutlines.disc(200), TestOutlines.asTraced());
        Piece front = front(p);
        Piece back = piece(p, Piece.Kind.BACK);

        int expected = (int) Math.round(p.stitchPerimeterMm() / 100);
        assertThat(front.notches()).hasSize(expected);
        assertThat(back.notches()).hasSize(expected);
        for (Piece.Notch notch : front.notches()) {
            LineSegment n = notch.mark();
            assertThat(n.getLength()).isCloseTo(6, within(0.01));
            assertThat(front.stitch().getExteriorRing().distance(point(n.p0))).isLessThan(0.01);
        }
        assertThat(front.notches().stream().map(Piece.Notch::number)).startsWith(1, 2).endsWith(expected);
    }

    @Test
    void turningGapIsOnTheLowestFlattestStretch() throws Exception {
        // A "house": a pointed roof on top, a long flat floor at the bottom.
        Outline house = TestOutlines.of(300, 100, 500, 300, 500, 600, 100, 600, 100, 300);
        Pattern p = made(house, TestOutlines.asTraced());
        Piece front = front(p);
        Envelope env = front.stitch().getEnvelopeInternal();

        for (Coordinate c : front.turningGap()) {
            assertThat(c.y).isCloseTo(env.getMaxY(), within(0.5));
        }
        Coordinate a = front.turningGap().get(0);
        Coordinate b = front.turningGap().get(front.turningGap().size() - 1);
        // 40 % of the body's inscribed diameter (about 240 mm here).
        assertThat(a.distance(b)).isCloseTo(0.4 * 2 * new SeamMarks(front.stitch()).inscribedRadius(), within(5.0));
    }

    @Test
    void narrowPartsAreWidenedAndTheMakerIsTold() throws Exception {
        Pattern p = made(TestOutlines.bodyWithThinArm(), TestOutlines.asTraced());
        Polygon stitch = front(p).stitch();

        // 10 px of 300 px at 30 cm is a 1 cm arm; after widening it survives an opening at 2.4 cm.
        Envelope body = stitch.getEnvelopeInternal();
        double armTip = body.getMaxX();
        assertThat(stitch.buffer(-11.9).buffer(11.9).getEnvelopeInternal().getMaxX()).isGreaterThan(armTip - 15);
        assertThat(p.changes()).contains(new Change(Change.Kind.WIDENED, 1));
    }

    @Test
    void concaveCornersAreRoundedToAtLeastTheCornerRadius() throws Exception {
        Outline l = TestOutlines.of(100, 100, 200, 100, 200, 400, 400, 400, 400, 500, 100, 500);
        Pattern p = made(l, TestOutlines.asTraced());
        Polygon stitch = front(p).stitch();

        // A closing with the corner radius changes nothing once concave corners are round.
        double closedArea = stitch.buffer(2.9).buffer(-2.9).getArea();
        assertThat(closedArea).isCloseTo(stitch.getArea(), within(stitch.getArea() * 0.001));
    }

    @Test
    void gussetIsAsLongAsTheSeamAndSplitIntoStripsThatFit() throws Exception {
        Pattern p = made(TestOutlines.disc(200), TestOutlines.asTraced().withGussetWidthMm(50));

        double total = p.pieces().stream().filter(x -> x.kind() == Piece.Kind.GUSSET)
                .mapToDouble(x -> x.stitch().getEnvelopeInternal().getWidth()).sum();
        assertThat(total).isCloseTo(p.stitchPerimeterMm(), within(0.5));
        p.pieces().stream().filter(x -> x.kind() == Piece.Kind.GUSSET).forEach(strip ->
                assertThat(strip.stitch().getEnvelopeInternal().getHeight()).isCloseTo(50, within(0.01)));
    }

    @Test
    void impossibleSizesAreRefusedInPlainWords() throws Exception {
        assertThatThrownBy(() -> made(TestOutlines.disc(200), TestOutlines.asTraced().withHeightMm(20)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 8 cm and 2 m");
        Outline needle = TestOutlines.of(100, 100, 104, 100, 104, 900, 100, 900);
        assertThat(maker.make(needle, TestOutlines.asTraced())).isInstanceOf(PatternOutcome.NeedsBiggerSize.class);
    }

    private static double bottomRowCentre(Polygon p, Envelope env) {
        var band = p.intersection(p.getFactory().toGeometry(
                new Envelope(env.getMinX(), env.getMaxX(), env.getMaxY() - env.getHeight() * 0.1, env.getMaxY())));
        return band.getCentroid().getX();
    }

    private static org.locationtech.jts.geom.Point point(Coordinate c) {
        return new org.locationtech.jts.geom.GeometryFactory().createPoint(c);
    }

    static Piece front(Pattern p) {
        return piece(p, Piece.Kind.FRONT);
    }

    static Piece piece(Pattern p, Piece.Kind kind) {
        return p.pieces().stream().filter(x -> x.kind() == kind).findFirst().orElseThrow();
    }
}
