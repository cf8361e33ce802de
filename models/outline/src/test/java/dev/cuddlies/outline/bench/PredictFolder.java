package dev.cuddlies.outline.bench;

import dev.cuddlies.outline.OutlineConfig;
import dev.cuddlies.outline.OutlineEngine;
import dev.cuddlies.outline.OutlineException;
import dev.cuddlies.outline.OutlineJson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes score.py's predictions for every picture of a folder in one JVM (the CLI starts one per
 * picture): {@code <name>.json}, or {@code <name>.error} when the picture is refused.
 * {@code PredictFolder IMAGES_DIR PRED_DIR}.
 */
public final class PredictFolder {

    private PredictFolder() {
    }

    public static void main(String[] args) throws Exception {
        Path images = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Files.createDirectories(out);
        OutlineEngine engine = new OutlineEngine(OutlineConfig.defaults());
        List<Path> files;
        try (Stream<Path> s = Files.list(images)) {
            files = s.sorted().toList();
        }
        for (Path file : files) {
            String name = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
            try {
                Files.writeString(out.resolve(name + ".json"), OutlineJson.write(engine.trace(Files.readAllBytes(file))));
            } catch (OutlineException e) {
                Files.writeString(out.resolve(name + ".error"), e.getMessage());
            }
        }
    }
}
