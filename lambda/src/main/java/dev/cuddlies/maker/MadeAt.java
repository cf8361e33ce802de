package dev.cuddlies.maker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cuddlies.pattern.Paper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The size and paper a pattern was made at, stored beside its outline as {@code made.json}, so a
 * follow-up in a later session ("make it bigger") starts from the pattern's real size.
 *
 * @param heightMm the figure's height the pattern was made for, mm
 * @param paper    the paper its PDF is tiled on
 */
public record MadeAt(double heightMm, Paper paper) {

    /** The file name in the pattern's folder. */
    public static final String FILE = "made.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    public byte[] toJson() {
        return JSON.createObjectNode().put("heightMm", heightMm).put("paper", paper.name()).toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    /** @throws IOException when the file is not a height and a known paper */
    public static MadeAt read(byte[] json) throws IOException {
        JsonNode node = JSON.readTree(json);
        if (node == null || !node.path("heightMm").isNumber() || !node.path("paper").isTextual()) {
            throw new IOException(FILE + " has no heightMm or paper");
        }
        double mm = node.path("heightMm").asDouble();
        if (!Double.isFinite(mm) || mm <= 0) {
            throw new IOException(FILE + " has a height that is not a length: " + mm);
        }
        try {
            return new MadeAt(mm, Paper.valueOf(node.path("paper").asText()));
        } catch (IllegalArgumentException e) {
            throw new IOException(FILE + " names an unknown paper: " + node.path("paper").asText(), e);
        }
    }
}
