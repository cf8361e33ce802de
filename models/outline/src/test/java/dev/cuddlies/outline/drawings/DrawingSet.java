package dev.cuddlies.outline.drawings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The synthetic drawing set: every group drawn from the shared set's silhouettes. Two disjoint halves:
 * {@link Split#TUNING} (what the engine may be tuned on) and {@link Split#HELD_OUT} (other
 * silhouettes, other seeds: reported, never tuned on).
 */
public final class DrawingSet {

    public enum Split { TUNING, HELD_OUT }

    private DrawingSet() {
    }

    /**
     * @param cartoons the shared cartoon set (manifest.json, masks/)
     * @param perGroup pictures per group
     */
    public static List<Drawing> generate(Path cartoons, Split split, int perGroup) throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(cartoons.resolve("manifest.json").toFile());
        List<Sketch.Silhouette> silhouettes = new ArrayList<>();
        int index = 0;
        for (JsonNode item : manifest.get("items")) {
            if (item.get("mask").isNull()) {
                continue;
            }
            // Every fourth silhouette is held out: its shape is never seen while tuning.
            boolean heldOut = index++ % 4 == 3;
            if (heldOut == (split == Split.HELD_OUT)) {
                silhouettes.add(Sketch.silhouette(ImageIO.read(cartoons.resolve(item.get("mask").asText()).toFile())));
            }
        }
        long seedBase = split == Split.TUNING ? 1 : 100_001;
        List<Drawing> out = new ArrayList<>();
        for (DrawingGenerator.Group group : DrawingGenerator.Group.values()) {
            for (int k = 0; k < perGroup; k++) {
                long seed = seedBase + k;
                Sketch.Silhouette s = silhouettes.get((int) ((seed * 31 + group.ordinal() * 7) % silhouettes.size()));
                String name = group.name().toLowerCase() + "_" + split.name().toLowerCase().replace("_", "") + "_" + seed;
                out.add(DrawingGenerator.generate(group, s, seed, name));
            }
        }
        return out;
    }
}
