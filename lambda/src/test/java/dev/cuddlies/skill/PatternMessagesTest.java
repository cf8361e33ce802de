package dev.cuddlies.skill;

import dev.cuddlies.maker.MakeResult;
import dev.cuddlies.pattern.Change;
import dev.cuddlies.pattern.Paper;
import dev.cuddlies.pattern.stuffing.StuffingStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

/** What the skill says about a pattern, driven by typed changes and outcomes, not by parsed sentences. */
class PatternMessagesTest {

    private static MakeResult.Made made(boolean sideStrip, List<Change> changes) {
        return new MakeResult.Made("p", 300, 240, List.of("FRONT - cut 1", "BACK - cut 1 (mirrored)"), sideStrip, 6,
                8, Paper.LETTER, changes, List.of(), false, Optional.empty(), Optional.empty(), Optional.empty(),
                StuffingStatus.COMPENSATED, false,
                MakeResult.Source.PICTURE);
    }

    @Test
    void theAnswerSaysFromTheChangesTypesThatThinPartsWereChanged() {
        MakeResult.Made changed = made(true, List.of(new Change(Change.Kind.WIDENED, 1),
                new Change(Change.Kind.SEPARATE_PART, 2), new Change(Change.Kind.EMBROIDERED, 6)));

        assertThat(Messages.made(changed, Locale.US)).contains("on 8 letter pages").contains("with thin parts made sewable");
        assertThat(Messages.madeCardText(changed, Optional.empty(), null)).contains("a side strip")
                .contains("1 thin part was widened").contains("2 thin parts are cut separately").contains("embroidered");
        assertThat(Messages.made(made(false, List.of(new Change(Change.Kind.SLIT_CLOSED, 1))), Locale.UK))
                .doesNotContain("thin parts");
    }

    @Test
    void onlyAPresignedLinkIsSaidToExpire() {
        MakeResult.Made made = made(false, List.of());
        assertThat(Messages.madeCardText(made, Optional.empty(), "https://bucket.s3.amazonaws.com/p/pattern.pdf?X-Amz-Expires=604800"))
                .contains("Download the PDF (link valid for 7 days): https://");
        assertThat(Messages.madeCardText(made, Optional.empty(), "file:///home/me/cuddlies-data/p/pattern.pdf"))
                .contains("The PDF: file:///").doesNotContain("valid for");
    }

    @Test
    void theCardListsEveryChange() {
        String card = Messages.madeCardText(made(false, List.of(new Change(Change.Kind.SLIT_CLOSED, 2),
                new Change(Change.Kind.CORD, 1))), Optional.empty(), null);

        assertThat(card).contains("Note: 2 narrow slits were closed.").contains("Note: 1 thin line is a cord");
    }

    @Test
    void aFigureTooThinForTheSizeAskedIsOfferedTheSizeThatKeepsItsShape() {
        String speech = Messages.needsBiggerSize(new MakeResult.NeedsBiggerSize(300, OptionalDouble.of(450)), Locale.UK);

        assertThat(speech).startsWith("At 30 centimetres its thin parts would change too much to sew, so I kept your picture.")
                .contains("Say: make a 45 centimetre soft toy, and it keeps its shape.");
        assertThat(Messages.needsBiggerSize(new MakeResult.NeedsBiggerSize(304.8, OptionalDouble.of(457.2)), Locale.US))
                .startsWith("At 12 inches").contains("make an 18 inch toy");
        assertThat(Messages.needsBiggerSize(new MakeResult.NeedsBiggerSize(300, OptionalDouble.empty()), Locale.UK))
                .contains("too thin to sew").contains("I kept your picture.");
    }
}
