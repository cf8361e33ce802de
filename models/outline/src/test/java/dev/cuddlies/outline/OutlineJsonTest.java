package dev.cuddlies.outline;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OutlineJsonTest {

    private static final List<Outline.Point> SQUARE = List.of(new Outline.Point(0, 0), new Outline.Point(10, 0),
            new Outline.Point(10, 10), new Outline.Point(0, 10));

    @Test
    void warningsCrossAsKindsWithCountsAndComeBackTyped() throws Exception {
        Outline o = new Outline(20, 20, SQUARE, 100, List.of(new Outline.Warning(Outline.Warning.Kind.JOINED_PARTS, 3),
                new Outline.Warning(Outline.Warning.Kind.SHEET_FOUND, 1)), Map.of("total", 5L));

        String json = OutlineJson.write(o);

        assertThat(json).contains("{\"kind\":\"JOINED_PARTS\",\"count\":3,\"text\":\"joined 3 parts\"}");
        assertThat(OutlineJson.read(json).warnings()).isEqualTo(o.warnings());
    }

    @Test
    void kindsThisVersionDoesNotKnowAreLeftOut() throws Exception {
        String json = "{\"width\":20,\"height\":20,\"outline\":[[0,0],[10,0],[10,10]],\"areaPx\":50,"
                + "\"warnings\":[{\"kind\":\"SOMETHING_NEW\",\"count\":1},\"an old English note\","
                + "{\"kind\":\"FILLED_HOLES\",\"count\":2}]}";

        assertThat(OutlineJson.read(json).warnings())
                .containsExactly(new Outline.Warning(Outline.Warning.Kind.FILLED_HOLES, 2));
    }
}
