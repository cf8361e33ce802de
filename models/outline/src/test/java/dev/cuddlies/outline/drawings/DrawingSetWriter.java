package dev.cuddlies.outline.drawings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cuddlies.fixtures.SharedSet;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the synthetic drawing set as a folder score.py can score (images/, masks/, manifest.json with
 * the group as "difficulty"). Run by scripts/score-drawings.sh:
 * {@code DrawingSetWriter OUT_DIR tuning|held_out PER_GROUP [CARTOONS_DIR]}.
 */
public final class DrawingSetWriter {

    private DrawingSetWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        DrawingSet.Split split = DrawingSet.Split.valueOf(args[1].toUpperCase());
        int perGroup = Integer.parseInt(args[2]);
        Path cartoons = args.length > 3 ? Path.of(args[3]) : SharedSet.requireCartoons();
        Files.createDirectories(out.resolve("images"));
        Files.createDirectories(out.resolve("masks"));
        ObjectMapper json = new ObjectMapper();
        ObjectNode manifest = json.createObjectNode();
        manifest.put("set", "synthetic drawings, " + split.name().toLowerCase());
        ArrayNode items = manifest.putArray("items");
        List<Drawing> drawings = DrawingSet.generate(cartoons, split, perGroup);
        for (Drawing d : drawings) {
            Files.write(out.resolve("images/" + d.name() + ".jpg"), d.encoded());
            ImageIO.write(d.truth(), "png", out.resolve("masks/" + d.name() + ".png").toFile());
            ObjectNode item = items.addObject();
            item.put("name", d.name());
            item.put("file", "images/" + d.name() + ".jpg");
            item.put("mask", "masks/" + d.name() + ".png");
            item.put("difficulty", d.group());
            item.put("width", d.truth().getWidth());
            item.put("height", d.truth().getHeight());
        }
        json.writerWithDefaultPrettyPrinter().writeValue(out.resolve("manifest.json").toFile(), manifest);
        System.out.println("wrote " + drawings.size() + " drawings to " + out);
    }
}
