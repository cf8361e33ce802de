package dev.cuddlies.outline.drawings;

import dev.cuddlies.fixtures.SharedSet;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Regression bars on the synthetic children's drawings (DrawingGenerator), on the tuning half and on
 * the held-out half (other silhouettes, other seeds). The bars are today's results less a margin, per
 * group; the goal of the outline issue is 0.95 in every group, which is not reached yet for every
 * group (docs/outline-quality.md has the numbers).
 */
class DrawingsTest {

    /** Per group: the mean IoU both halves must keep (3 pictures a group; the lower half's result less ~0.03). */
    private static final Map<String, Double> BARS = Map.of(
            "plain", 0.92, "pastel", 0.95, "dotted", 0.70, "grid", 0.60,
            "lined", 0.63, "textured", 0.65, "whole_fabric", 0.42, "whole_table", 0.40);

    @Test
    void tuningHalfKeepsItsBars() throws Exception {
        check(DrawingSet.Split.TUNING);
    }

    @Test
    void heldOutHalfKeepsItsBars() throws Exception {
        check(DrawingSet.Split.HELD_OUT);
    }

    private static void check(DrawingSet.Split split) throws Exception {
        Path cartoons = SharedSet.requireCartoons();
        Map<String, List<Double>> byGroup = DrawingScores.score(DrawingSet.generate(cartoons, split, 3), false);
        assertThat(byGroup.keySet()).containsExactlyInAnyOrderElementsOf(BARS.keySet());
        byGroup.forEach((group, values) -> assertThat(DrawingScores.mean(values))
                .as("mean IoU of " + group + " (" + split + ")").isGreaterThanOrEqualTo(BARS.get(group)));
    }
}
