package dev.cuddlies.maker;

import dev.cuddlies.outline.OutlineException;
import dev.cuddlies.pattern.Change;
import dev.cuddlies.pattern.Paper;
import dev.cuddlies.pattern.stuffing.StuffingStatus;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** What making a cuddlie came to; each case is something the skill can say plainly. */
public sealed interface MakeResult {

    /**
     * The pattern is stored (and read back); the picture was deleted unless {@code pictureKept}.
     *
     * @param patternId      folder name under patterns/&lt;userKey&gt;/
     * @param heightMm       finished height (stuffed, when the pattern was enlarged for stuffing)
     * @param widthMm        finished width (likewise)
     * @param pieces         piece labels, e.g. "FRONT - cut 1"
     * @param sideStrip      the pattern has a gusset strip
     * @param sheets         printed pattern sheets of the PDF (the instructions and the map not counted)
     * @param pdfPages       all pages of the PDF: what the parent prints
     * @param paper          the paper the sheets are printed on
     * @param changes        what was changed to make the shape sewable
     * @param outlineNotes   what the outline's tracing changed, in plain words
     * @param sizeLimited    the requested size was outside the range and was limited
     * @param pdfLink        where to download the PDF, when the store gives links
     * @param previewLink    where to see the preview, when the store gives links
     * @param stuffedLink    where to see the stuffed toy ({@code stuffed.png}), when it was simulated
     * @param stuffing       what became of stuffing
     * @param pictureKept    the picture could not be deleted (it expires on its own)
     * @param source         whether a picture or a stored outline was made into this pattern
     */
    record Made(String patternId, double heightMm, double widthMm, List<String> pieces, boolean sideStrip, int sheets,
                int pdfPages, Paper paper, List<Change> changes, List<String> outlineNotes, boolean sizeLimited,
                Optional<URI> pdfLink, Optional<URI> previewLink, Optional<URI> stuffedLink, StuffingStatus stuffing,
                boolean pictureKept, Source source) implements MakeResult {
    }

    /** What a pattern was made from. */
    enum Source {
        /** The user's newest picture, deleted once the pattern was stored. */
        PICTURE,
        /** The outline kept from an earlier pattern (a follow-up: another size or paper); no picture involved. */
        STORED_OUTLINE
    }

    /** A follow-up asked for the last pattern, but none is stored for this user. */
    record NoPattern() implements MakeResult {
    }

    /** No picture under the user's uploads. */
    record NoPicture() implements MakeResult {
    }

    /** The picture cannot become a pattern; it stays where it is. */
    record PictureRefused(OutlineException.Reason reason, String detail) implements MakeResult {
    }

    /** The outline has no area to make a pattern from; the picture stays. */
    record NotSewable() implements MakeResult {
    }

    /**
     * At the size asked for, the figure would change too much to be sewn; the picture stays.
     *
     * @param requestedHeightMm the height asked for
     * @param keepsShapeAtMm    a height at which it keeps its shape, if one was found
     */
    record NeedsBiggerSize(double requestedHeightMm, OptionalDouble keepsShapeAtMm) implements MakeResult {
    }

    /** A service was too slow for Alexa's time limit; nothing was changed. */
    record TooSlow(String what) implements MakeResult {
    }

    /** A service failed; nothing was changed. */
    record Unavailable(String what) implements MakeResult {
    }
}
