package dev.cuddlies.maker;

import dev.cuddlies.pattern.PatternSpec;

/**
 * The height a user asked for ("a big one", "40 centimetres", "a foot tall", "bigger"), within what
 * can be sewn, remembering when it had to be limited.
 *
 * @param heightMm the height that will be made
 * @param limited  true when the request was outside the range and {@code heightMm} is the nearest end
 */
public record PatternRequest(double heightMm, boolean limited) {

    public static final double SMALL_MM = 200;
    public static final double MEDIUM_MM = PatternSpec.DEFAULT_HEIGHT_MM;
    public static final double BIG_MM = 450;
    public static final double GIANT_MM = 700;
    public static final double MIN_MM = 100;
    public static final double MAX_MM = 1000;
    /** "bigger" is half as tall again; "smaller" two thirds. */
    public static final double CHANGE_FACTOR = 1.5;

    /** Sizes by name. */
    public enum Size {
        SMALL(SMALL_MM), MEDIUM(MEDIUM_MM), BIG(BIG_MM), GIANT(GIANT_MM);

        private final double mm;

        Size(double mm) {
            this.mm = mm;
        }

        public double mm() {
            return mm;
        }
    }

    /** Relative to the last pattern. */
    public enum Change {
        BIGGER, SMALLER
    }

    public static PatternRequest standard() {
        return new PatternRequest(MEDIUM_MM, false);
    }

    public static PatternRequest of(Size size) {
        return new PatternRequest(size.mm(), false);
    }

    /** A height in millimetres, limited to {@link #MIN_MM}..{@link #MAX_MM}. */
    public static PatternRequest ofMm(double mm) {
        double clamped = Math.max(MIN_MM, Math.min(MAX_MM, mm));
        return new PatternRequest(clamped, clamped != mm);
    }

    /** Bigger or smaller than {@code fromMm}, limited like {@link #ofMm}. */
    public static PatternRequest changed(double fromMm, Change change) {
        return ofMm(change == Change.BIGGER ? fromMm * CHANGE_FACTOR : fromMm / CHANGE_FACTOR);
    }
}
