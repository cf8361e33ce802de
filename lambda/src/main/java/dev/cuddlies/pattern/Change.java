package dev.cuddlies.pattern;

/**
 * One kind of change made to the traced shape so it can be sewn, and how many times it was made.
 * Typed so the skill and the CLI can each say it in their own words.
 *
 * @param kind  what was done
 * @param count how many parts it was done to, at least 1
 */
public record Change(Kind kind, int count) {

    /** What can be done to a traced shape to make it sewable. */
    public enum Kind {
        /** A part under the minimum width widened in place to the minimum (it had room). */
        WIDENED,
        /** A thin part (leg, tail) cut as its own two-piece part, sewn into the body seam at a mark. */
        SEPARATE_PART,
        /** A thin line too long to embroider (antenna) made as a cord: a folded strip sewn into the seam. */
        CORD,
        /** A thin line (whisker) embroidered on the front instead of cut. */
        EMBROIDERED,
        /** A point sharper than the minimum width rounded off. */
        ROUNDED_POINT,
        /** A slit narrower than two seam allowances closed: its two sides' cut lines would overlap. */
        SLIT_CLOSED,
        /** A speck hanging on a thin neck, or a short thin line, left out. */
        DROPPED
    }

    public Change {
        if (kind == null || count < 1) {
            throw new IllegalArgumentException("a change needs a kind and a count of at least 1");
        }
    }
}
