package dev.cuddlies.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The current CloudFormation resource specification, as the npm package {@code @aws-cdk/aws-service-spec}
 * ships it ({@code db.json.gz}): resource types with their properties (required or not) and attributes,
 * and the property types they reference.
 */
final class ResourceSpec {

    private final Map<String, JsonNode> resources = new HashMap<>();
    private final Map<String, JsonNode> typesById = new HashMap<>();

    private ResourceSpec(JsonNode db) {
        for (JsonNode r : db.path("schema").path("resource").path("entities")) {
            resources.put(r.path("cloudFormationType").asText(), r);
        }
        for (JsonNode t : db.path("schema").path("typeDefinition").path("entities")) {
            typesById.put(t.path("$id").asText(), t);
        }
    }

    /** Finds db.json.gz under a node_modules folder near the working directory (installed by .ci/run). */
    static Optional<ResourceSpec> load() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path db = dir.resolve(".tools/node_modules/@aws-cdk/aws-service-spec/db.json.gz");
            if (Files.exists(db)) {
                try (InputStream in = new GZIPInputStream(Files.newInputStream(db))) {
                    return Optional.of(new ResourceSpec(new ObjectMapper().readTree(in)));
                }
            }
        }
        return Optional.empty();
    }

    Optional<JsonNode> resource(String type) {
        return Optional.ofNullable(resources.get(type));
    }

    /** The property type named {@code name} reachable from a resource type, e.g. EndpointConfig's ProductionVariant. */
    Optional<JsonNode> propertyType(String resourceType, String name) {
        JsonNode resource = resources.get(resourceType);
        if (resource == null) {
            return Optional.empty();
        }
        Set<String> seen = new HashSet<>();
        return find(resource.path("properties"), name, seen);
    }

    private Optional<JsonNode> find(JsonNode properties, String name, Set<String> seen) {
        for (JsonNode p : properties) {
            for (String id : refs(p.path("type"))) {
                if (!seen.add(id)) {
                    continue;
                }
                JsonNode t = typesById.get(id);
                if (t == null) {
                    continue;
                }
                if (t.path("name").asText().equals(name)) {
                    return Optional.of(t);
                }
                Optional<JsonNode> deeper = find(t.path("properties"), name, seen);
                if (deeper.isPresent()) {
                    return deeper;
                }
            }
        }
        return Optional.empty();
    }

    /** The property type a property refers to (directly, or as the element of a list or map). */
    Optional<JsonNode> typeOf(JsonNode propertySpec) {
        for (String id : refs(propertySpec.path("type"))) {
            return Optional.ofNullable(typesById.get(id));
        }
        return Optional.empty();
    }

    private static Set<String> refs(JsonNode type) {
        Set<String> ids = new HashSet<>();
        if (type.path("type").asText().equals("ref")) {
            ids.add(type.path("reference").path("$ref").asText());
        }
        if (type.has("element")) {
            ids.addAll(refs(type.path("element")));
        }
        if (type.has("types")) {
            type.path("types").forEach(t -> ids.addAll(refs(t)));
        }
        return ids;
    }
}
