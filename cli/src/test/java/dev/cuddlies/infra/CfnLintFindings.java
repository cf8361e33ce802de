package dev.cuddlies.infra;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tells cfn-lint findings that only its old bundled specification makes from real ones. */
final class CfnLintFindings {

    private static final Pattern NOT_VALID = Pattern.compile("(\\w+) is not a valid property of ([\\w:]+)(?:\\.(\\w+))?");
    private static final Pattern REQUIRED = Pattern.compile("Required property (\\w+) missing for type ([\\w:]+)(?:\\.(\\w+))?");

    private CfnLintFindings() {
    }

    /** True when today's specification contradicts the finding (so cfn-lint's spec is out of date). */
    static boolean outdated(String message, ResourceSpec spec) {
        Matcher m = NOT_VALID.matcher(message);
        if (m.find()) {
            return properties(spec, m.group(2), m.group(3)).map(p -> p.has(m.group(1))).orElse(false);
        }
        Matcher r = REQUIRED.matcher(message);
        if (r.find()) {
            return properties(spec, r.group(2), r.group(3))
                    .map(p -> p.has(r.group(1)) && !p.path(r.group(1)).path("required").asBoolean(false)).orElse(false);
        }
        return false;
    }

    private static Optional<JsonNode> properties(ResourceSpec spec, String resourceType, String propertyType) {
        if (propertyType == null) {
            return spec.resource(resourceType).map(r -> r.path("properties"));
        }
        return spec.propertyType(resourceType, propertyType).map(t -> t.path("properties"));
    }
}
