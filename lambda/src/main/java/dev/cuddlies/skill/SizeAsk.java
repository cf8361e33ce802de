package dev.cuddlies.skill;

import dev.cuddlies.maker.PatternRequest;
import dev.cuddlies.pattern.Paper;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a parent said about size and paper, read from the slots (see {@link SizeSlots}).
 *
 * @param size              a size by name
 * @param lengthMm          a height with its unit, in millimetres
 * @param numberWithoutUnit a number said without a unit ("make it 40"): the skill must ask which unit
 * @param change            bigger or smaller than the last pattern
 * @param paper             a paper size
 * @param unclear           a slot that was said but not understood, to ask about instead of guessing
 */
public record SizeAsk(Optional<PatternRequest.Size> size, OptionalDouble lengthMm, OptionalDouble numberWithoutUnit,
                      Optional<PatternRequest.Change> change, Optional<Paper> paper, Optional<Unclear> unclear) {

    /** The slot to ask about again. */
    public enum Unclear {
        UNIT("unit"), SIZE("size"), CHANGE("change");

        private final String slot;

        Unclear(String slot) {
            this.slot = slot;
        }

        /** The interaction model's slot name. */
        public String slot() {
            return slot;
        }
    }

    /** Nothing about size or paper was said. */
    public boolean isEmpty() {
        return size.isEmpty() && lengthMm.isEmpty() && numberWithoutUnit.isEmpty() && change.isEmpty()
                && paper.isEmpty() && unclear.isEmpty();
    }

    /** The height asked for, when the ask names one on its own (not relative to a last pattern). */
    public Optional<PatternRequest> absolute() {
        if (lengthMm.isPresent()) {
            return Optional.of(PatternRequest.ofMm(lengthMm.getAsDouble()));
        }
        return size.map(PatternRequest::of);
    }
}
