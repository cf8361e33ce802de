package dev.cuddlies.outline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outline's JSON form, shared by the CLI, the model server and the skill:
 * {@code {"width":W,"height":H,"outline":[[x,y],...],"areaPx":A,"warnings":[{"kind":K,"count":N,"text":T},...],
 * "timingsMs":{...}}}. {@code kind} is an {@link Outline.Warning.Kind} name; {@code text} is for people only.
 */
public final class OutlineJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OutlineJson() {
    }

    public static ObjectNode toTree(Outline o) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("width", o.width());
        root.put("height", o.height());
        ArrayNode points = root.putArray("outline");
        for (Outline.Point p : o.outline()) {
            points.addArray().add(p.x()).add(p.y());
        }
        root.put("areaPx", Math.round(o.areaPx() * 10) / 10.0);
        ArrayNode warnings = root.putArray("warnings");
        for (Outline.Warning w : o.warnings()) {
            warnings.addObject().put("kind", w.kind().name()).put("count", w.count()).put("text", w.describe());
        }
        ObjectNode timings = root.putObject("timingsMs");
        o.timingsMs().forEach(timings::put);
        return root;
    }

    public static String write(Outline o) {
        return toTree(o).toString();
    }

    /** Reads an outline written by {@link #write}. */
    public static Outline read(String json) throws IOException {
        return fromTree(MAPPER.readTree(json));
    }

    private static Outline.Warning.Kind kindOf(String name) {
        for (Outline.Warning.Kind k : Outline.Warning.Kind.values()) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        return null;
    }

    public static Outline fromTree(JsonNode root) throws IOException {
        JsonNode points = root.path("outline");
        if (!points.isArray() || points.size() < 3 || !root.path("width").canConvertToInt()
                || !root.path("height").canConvertToInt()) {
            throw new IOException("not an outline: needs width, height and at least three outline points");
        }
        List<Outline.Point> list = new ArrayList<>(points.size());
        for (JsonNode p : points) {
            if (!p.isArray() || p.size() != 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw new IOException("not an outline: each point must be [x, y]");
            }
            list.add(new Outline.Point(p.get(0).asDouble(), p.get(1).asDouble()));
        }
        List<Outline.Warning> warnings = new ArrayList<>();
        for (JsonNode w : root.path("warnings")) {
            Outline.Warning.Kind kind = kindOf(w.path("kind").asText());
            // Kinds this version does not know (a newer model server) are left out, not guessed at.
            if (kind != null && w.path("count").canConvertToInt() && w.path("count").asInt() >= 1) {
                warnings.add(new Outline.Warning(kind, w.path("count").asInt()));
            }
        }
        Map<String, Long> timings = new LinkedHashMap<>();
        root.path("timingsMs").fields().forEachRemaining(e -> timings.put(e.getKey(), e.getValue().asLong()));
        return new Outline(root.get("width").asInt(), root.get("height").asInt(), list,
                root.path("areaPx").asDouble(), warnings, timings);
    }
}
