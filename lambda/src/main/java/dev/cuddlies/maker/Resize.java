package dev.cuddlies.maker;

/** How a follow-up sizes the new pattern from the one it remakes. */
public sealed interface Resize {

    /** The new height, from the height the earlier pattern was made at (mm). */
    PatternRequest from(double madeAtMm);

    /** A height named on its own ("40 centimetres", "a big one"). */
    record To(PatternRequest request) implements Resize {
        @Override
        public PatternRequest from(double madeAtMm) {
            return request;
        }
    }

    /** Bigger or smaller than the earlier pattern. */
    record By(PatternRequest.Change change) implements Resize {
        @Override
        public PatternRequest from(double madeAtMm) {
            return PatternRequest.changed(madeAtMm, change);
        }
    }

    /** The same height (another paper). */
    record Same() implements Resize {
        @Override
        public PatternRequest from(double madeAtMm) {
            return PatternRequest.ofMm(madeAtMm);
        }
    }
}
