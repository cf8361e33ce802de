package dev.cuddlies.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuddlies.outline.OutlineConfig;
import dev.cuddlies.outline.OutlineEngine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The model directory SageMaker unpacks {@code model.tar.gz} into ({@code /opt/ml/model}):
 * {@code manifest.json} (model and engine versions) and {@code outline-config.json} (the outline
 * settings this model version was released with). A missing directory means engine defaults.
 *
 * @param config        the outline settings to serve
 * @param modelVersion  from the manifest, or "defaults"
 * @param engineVersion from the manifest, or the running engine's
 * @param note          a sentence for the start-up log
 */
public record ModelDirectory(OutlineConfig config, String modelVersion, String engineVersion, String note) {

    public static final Path SAGEMAKER_MODEL_DIR = Path.of("/opt/ml/model");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** @throws IOException with a plain message when the files are there but unreadable or invalid */
    public static ModelDirectory load(Path dir) throws IOException {
        Path manifest = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            return new ModelDirectory(OutlineConfig.defaults(), "defaults", OutlineEngine.VERSION,
                    "no model directory at " + dir + "; serving the engine's default settings");
        }
        JsonNode m = MAPPER.readTree(manifest.toFile());
        String engineVersion = m.path("engineVersion").asText(OutlineEngine.VERSION);
        if (!major(engineVersion).equals(major(OutlineEngine.VERSION))) {
            throw new IOException("the model was made for outline engine " + engineVersion + ", this is "
                    + OutlineEngine.VERSION);
        }
        Path configFile = dir.resolve(m.path("configFile").asText("outline-config.json"));
        OutlineConfig config = OutlineConfig.defaults();
        if (Files.isRegularFile(configFile)) {
            config = apply(MAPPER.readTree(configFile.toFile()), config);
        }
        try {
            config.checkValidity();
        } catch (IllegalArgumentException e) {
            throw new IOException(configFile.getFileName() + ": " + e.getMessage());
        }
        return new ModelDirectory(config, m.path("modelVersion").asText("unknown"), engineVersion,
                "model " + m.path("modelVersion").asText("unknown") + " from " + dir);
    }

    private static OutlineConfig apply(JsonNode c, OutlineConfig d) {
        return new OutlineConfig(
                c.path("maxPixels").asLong(d.maxPixels()),
                c.path("maxSidePx").asInt(d.maxSidePx()),
                c.path("minSidePx").asInt(d.minSidePx()),
                c.path("workingPixels").asLong(d.workingPixels()),
                c.path("simplifyPx").asDouble(d.simplifyPx()),
                c.path("joinGapFraction").asDouble(d.joinGapFraction()),
                c.path("minPartFraction").asDouble(d.minPartFraction()));
    }

    private static String major(String version) {
        int dot = version.indexOf('.');
        return dot < 0 ? version : version.substring(0, dot);
    }
}
