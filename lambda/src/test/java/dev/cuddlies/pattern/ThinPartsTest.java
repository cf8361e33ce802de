package dev.cuddlies.pattern;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.LineString;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What becomes of parts too thin to turn: embroidery, cords, separate parts, or a bigger size. */
class ThinPartsTest {

    @Test
    void whiskersAreEmbroideredOnTheFrontInsideTheStitchLine() throws Exception {
        Pattern p = PatternMakerTest.made(TestOutlines.whiskers(), TestOutlines.asTraced());
        Piece front = PatternMakerTest.front(p);

        assertThat(front.embroidery()).hasSize(6);
        for (LineString line : front.embroidery()) {
            assertThat(front.stitch().getExteriorRing().distance(line)).isGreaterThan(2.9);
            assertThat(front.stitch().covers(line)).isTrue();
        }
        assertThat(PatternMakerTest.piece(p, Piece.Kind.BACK).embroidery()).isEmpty();
        assertThat(p.changes()).contains(new Change(Change.Kind.EMBROIDERED, 6));
    }

    @Test
    void antennaeTooLongToEmbroiderBecomeCordsSewnInAtMatchingMarks() throws Exception {
        Pattern p = PatternMakerTest.made(TestOutlines.longAntennae(), TestOutlines.asTraced());
        List<Piece> cords = p.pieces().stream().filter(x -> x.kind() == Piece.Kind.CORD).toList();
        Piece front = PatternMakerTest.front(p);

        assertThat(cords).hasSize(2);
        for (Piece cord : cords) {
            assertThat(cord.stitch().getEnvelopeInternal().getWidth()).isEqualTo(PatternSpec.DEFAULT_MIN_WIDTH_MM);
            assertThat(cord.foldLine()).isNotNull();
            assertThat(front.placements()).anyMatch(pl -> pl.partName().equals(cord.name()));
            assertThat(cord.placements()).allMatch(pl -> pl.partName().equals(cord.name()));
        }
    }

    @Test
    void separatePartsAreCutAsMirroredPairsWithMarksMatchingTheBody() throws Exception {
        Pattern p = PatternMakerTest.made(TestOutlines.thinLegs(), TestOutlines.asTraced());
        Piece front = PatternMakerTest.front(p);

        for (Piece part : p.pieces()) {
            if (part.kind() != Piece.Kind.PART) {
                continue;
            }
            assertThat(part.cutCount()).isEqualTo(2);
            assertThat(part.pairReversed()).isTrue();
            assertThat(part.openEnd()).isNotNull();
            assertThat(part.placements()).hasSize(2);
            // The marks on the body are as far apart as the part's open end is wide.
            List<Piece.Placement> onBody = front.placements().stream()
                    .filter(pl -> pl.partName().equals(part.name())).toList();
            assertThat(onBody).hasSize(2);
            double onPart = part.placements().get(0).at().distance(part.placements().get(1).at());
            assertThat(onBody.get(0).at().distance(onBody.get(1).at())).isCloseTo(onPart,
                    org.assertj.core.api.Assertions.within(1.5));
        }
    }

    @Test
    void aShapeThatWouldChangeTooMuchAsksForTheSizeAtWhichItKeepsItsShape() throws Exception {
        PatternOutcome small = new PatternMaker().make(TestOutlines.star(), TestOutlines.asTraced());

        assertThat(small.getClass()).isEqualTo(PatternOutcome.NeedsBiggerSize.class);
        PatternOutcome.NeedsBiggerSize bigger = (PatternOutcome.NeedsBiggerSize) small;
        assertThat(bigger.changedShare()).isGreaterThan(PatternMaker.MAX_CHANGED_SHARE);
        assertThat(bigger.keepsShapeAtMm()).isPresent();
        Pattern at = PatternMakerTest.made(TestOutlines.star(),
                TestOutlines.asTraced().withHeightMm(bigger.keepsShapeAtMm().getAsDouble()));
        assertThat(at.changedShare()).isLessThanOrEqualTo(PatternMaker.MAX_CHANGED_SHARE);
    }
}
