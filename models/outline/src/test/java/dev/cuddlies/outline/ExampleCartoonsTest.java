package dev.cuddlies.outline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuddlies.fixtures.SharedSet;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared cartoon set with ground-truth masks: the quality bar of the outline issue, kept as a
 * regression test. IoU is computed as score.py does (a pixel is inside when its centre is inside the
 * polygon or on its edge). score.py itself stays the reference; see docs/outline-quality.md.
 */
class ExampleCartoonsTest {

    @Test
    void outlinesReachTheQualityBarOnTheSharedCartoons() throws Exception {
        Path set = SharedSet.requireCartoons();
        JsonNode manifest = new ObjectMapper().readTree(set.resolve("manifest.json").toFile());
        OutlineEngine engine = new OutlineEngine(OutlineConfig.defaults());
        Map<String, List<Double>> byGroup = new TreeMap<>();
        List<String> badAccepted = new ArrayList<>();
        for (JsonNode item : manifest.get("items")) {
            byte[] bytes = Files.readAllBytes(set.resolve(item.get("file").asText()));
            String group = item.get("difficulty").asText();
            if (item.get("mask").isNull()) {
                try {
                    engine.trace(bytes);
                    badAccepted.add(item.get("name").asText());
                } catch (OutlineException expected) {
                    // a clean, typed refusal is the right answer
                }
                continue;
            }
            Outline outline = engine.trace(bytes);
            BufferedImage truth = ImageIO.read(set.resolve(item.get("mask").asText()).toFile());
            byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(Scoring.iou(outline, truth));
        }
        assertThat(badAccepted).as("bad inputs accepted").isEmpty();
        List<Double> all = byGroup.values().stream().flatMap(List::stream).toList();
        assertThat(mean(all)).as("mean IoU overall").isGreaterThanOrEqualTo(0.97);
        byGroup.forEach((group, values) ->
                assertThat(mean(values)).as("mean IoU of " + group).isGreaterThanOrEqualTo(0.95));
    }

    private static double mean(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
}
