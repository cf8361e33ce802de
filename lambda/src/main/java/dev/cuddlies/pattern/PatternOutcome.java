package dev.cuddlies.pattern;

import java.util.OptionalDouble;

/** What asking for a pattern came to; each case is something the skill and the CLI can say plainly. */
public sealed interface PatternOutcome {

    /** The pattern, sewable at the size asked for. */
    record Made(Pattern pattern) implements PatternOutcome {
    }

    /**
     * At the size asked for, the shape would change by more than {@link PatternMaker#MAX_CHANGED_SHARE}
     * to become sewable (or nothing of it is wide enough to turn): no pattern is printed.
     *
     * @param requestedHeightMm the height asked for
     * @param changedShare      how much the shape would have changed (1 when nothing survives)
     * @param keepsShapeAtMm    the smallest height tried at which it keeps its shape, if any
     */
    record NeedsBiggerSize(double requestedHeightMm, double changedShare, OptionalDouble keepsShapeAtMm)
            implements PatternOutcome {
    }
}
