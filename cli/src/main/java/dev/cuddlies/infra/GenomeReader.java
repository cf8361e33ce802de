package dev.cuddlies.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and validates a genome; every problem names the field it is about. */
public final class GenomeReader {

    private static final Set<Integer> SERVERLESS_MEMORY = Set.of(1024, 2048, 3072, 4096, 5120, 6144);
    private static final Set<String> DRIVERS = Set.of("none", "ifttt", "ewelink", "tasmota", "lan");
    private static final Set<String> RUNTIMES = Set.of("java21", "java25");
    private static final Pattern SECRET_REFERENCE = Pattern.compile("(ssm:/[A-Za-z0-9/_.\\-]+|secretsmanager:[A-Za-z0-9/_+=.@\\-]+)");
    private static final Pattern SKILL_ID = Pattern.compile("amzn1\\.ask\\.skill\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern IMAGE = Pattern.compile("[0-9]{12}\\.dkr\\.ecr\\.[a-z0-9-]+\\.amazonaws\\.com/[a-z0-9._/-]+(:[A-Za-z0-9._-]+|@sha256:[0-9a-f]{64})");
    private static final Pattern S3_URI = Pattern.compile("s3://([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])/(.+\\.tar\\.gz)");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{2,30}");
    private static final Set<String> TOP_LEVEL = Set.of("$schema", "genome", "model", "iam", "inputData", "endpoint",
            "lambda", "skillId", "switch", "web");
    private static final Pattern WEB_URL = Pattern.compile("https://[a-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~/-]*)?");

    private final List<String> problems = new ArrayList<>();

    public static Genome read(Path file) throws IOException, GenomeException {
        return new GenomeReader().parse(new ObjectMapper().readTree(file.toFile()));
    }

    public Genome parse(JsonNode root) throws GenomeException {
        root.fieldNames().forEachRemaining(f -> {
            if (!TOP_LEVEL.contains(f)) {
                problems.add(f + ": unknown field");
            }
        });
        String name = text(root, "genome");
        if (name != null && !NAME.matcher(name).matches()) {
            problems.add("genome: must be 3-31 lower-case letters, digits or dashes, starting with a letter");
        }

        JsonNode m = root.path("model");
        String artifact = text(m, "model.artifact");
        var s3 = artifact == null ? null : S3_URI.matcher(artifact);
        if (s3 != null && !s3.matches()) {
            problems.add("model.artifact: must be s3://bucket/path/model.tar.gz");
        }
        String image = text(m, "model.image");
        if (image != null && !IMAGE.matcher(image).matches()) {
            problems.add("model.image: must be an ECR image, ACCOUNT.dkr.ecr.REGION.amazonaws.com/NAME:TAG");
        }

        JsonNode iam = root.path("iam");
        iam.fieldNames().forEachRemaining(f -> {
            if (!f.equals("functions") && !f.equals("sagemaker")) {
                problems.add("iam." + f + ": unknown field; roles are iam.functions.<function> and iam.sagemaker");
            }
        });
        Map<String, List<String>> functionPerms = new LinkedHashMap<>();
        iam.path("functions").fieldNames().forEachRemaining(f -> {
            if (!Permissions.FUNCTIONS.contains(f)) {
                problems.add("iam.functions." + f + ": unknown function; known: " + String.join(", ", Permissions.FUNCTIONS));
            }
        });
        for (String function : Permissions.FUNCTIONS) {
            if (iam.path("functions").has(function)) {
                functionPerms.put(function, permissions(iam.path("functions"), function, "iam.functions." + function,
                        Permissions.LAMBDA));
            }
        }
        if (!functionPerms.containsKey(Permissions.SKILL)) {
            problems.add("iam.functions.skill: missing");
        }
        List<String> sagemakerPerms = permissions(iam, "sagemaker", "iam.sagemaker", Permissions.SAGEMAKER);

        JsonNode in = root.path("inputData");
        String uploads = prefix(in, "inputData.uploadPrefix");
        String patterns = prefix(in, "inputData.patternPrefix");
        int retention = in.path("uploadRetentionDays").asInt(-1);
        if (retention < 1 || retention > 7) {
            problems.add("inputData.uploadRetentionDays: must be 1 to 7 days (pictures are a privacy risk)");
        }

        JsonNode e = root.path("endpoint");
        String endpointName = text(e, "endpoint.name");
        Optional<Integer> memory = Optional.empty();
        Optional<Integer> concurrency = Optional.empty();
        Optional<String> instanceType = Optional.empty();
        Optional<Integer> instanceCount = Optional.empty();
        if (e.has("serverless") == e.has("instance")) {
            problems.add("endpoint: give either serverless {memorySizeInMB, maxConcurrency} or instance {type, count}");
        } else if (e.has("serverless")) {
            int mb = e.path("serverless").path("memorySizeInMB").asInt(-1);
            if (!SERVERLESS_MEMORY.contains(mb)) {
                problems.add("endpoint.serverless.memorySizeInMB: " + mb + " is not a SageMaker serverless size "
                        + "(1024, 2048, 3072, 4096, 5120 or 6144)");
            }
            int c = e.path("serverless").path("maxConcurrency").asInt(-1);
            if (c < 1 || c > 200) {
                problems.add("endpoint.serverless.maxConcurrency: must be 1 to 200");
            }
            memory = Optional.of(mb);
            concurrency = Optional.of(c);
        } else {
            String type = e.path("instance").path("type").asText("");
            if (!type.startsWith("ml.")) {
                problems.add("endpoint.instance.type: must be a SageMaker instance type like ml.m5.large");
            }
            int count = e.path("instance").path("count").asInt(0);
            if (count < 1) {
                problems.add("endpoint.instance.count: must be at least 1");
            }
            instanceType = Optional.of(type);
            instanceCount = Optional.of(count);
        }

        JsonNode l = root.path("lambda");
        String runtime = l.path("runtime").asText("");
        if (!RUNTIMES.contains(runtime)) {
            problems.add("lambda.runtime: must be java21 or java25 (Lambda no longer creates java17 functions)");
        }
        int lambdaMemory = l.path("memorySizeInMB").asInt(0);
        if (lambdaMemory < 1024 || lambdaMemory > 10240) {
            problems.add("lambda.memorySizeInMB: must be 1024 to 10240 (Java and image work need at least 1 GB)");
        }
        int timeout = l.path("timeoutSeconds").asInt(0);
        if (timeout < 10 || timeout > 60) {
            problems.add("lambda.timeoutSeconds: must be 10 to 60 (Alexa waits about 8 s; a cold Java start needs more than 3)");
        }

        String skillId = text(root, "skillId");
        if (skillId != null && !SKILL_ID.matcher(skillId).matches()) {
            problems.add("skillId: must look like amzn1.ask.skill.xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx");
        }

        Genome.Switch sw = switches(root.path("switch"));
        boolean tick = sw.driver().equals("ewelink") || sw.driver().equals("tasmota");
        if (tick && !functionPerms.containsKey(Permissions.WARMTH_TICK)) {
            problems.add("iam.functions.warmth-tick: missing (the " + sw.driver() + " switch needs the thermostat step)");
        }
        if (!functionPerms.containsKey(Permissions.WEB)) {
            problems.add("iam.functions.web: missing (the phone page is how parents send pictures)");
        }

        JsonNode w = root.path("web");
        String webUrl = text(w, "web.url");
        if (webUrl != null && !WEB_URL.matcher(webUrl).matches()) {
            problems.add("web.url: must be the page's https address, like https://cuddlies.example.net/go");
        }
        int webMemory = w.path("memorySizeInMB").asInt(1024);
        if (webMemory < 512 || webMemory > 10240) {
            problems.add("web.memorySizeInMB: must be 512 to 10240");
        }
        if (!problems.isEmpty()) {
            throw new GenomeException(problems);
        }
        var sm = S3_URI.matcher(artifact);
        sm.matches();
        return new Genome(name, new Genome.Model(sm.group(1), sm.group(2), image), new Genome.Iam(functionPerms, sagemakerPerms),
                new Genome.InputData(uploads, patterns, retention),
                new Genome.Endpoint(endpointName, memory, concurrency, instanceType, instanceCount),
                new Genome.Lambda(runtime, lambdaMemory, timeout, l.path("snapStart").asBoolean(true)), skillId, sw,
                new Genome.Web(webUrl, webMemory));
    }

    private Genome.Switch switches(JsonNode s) {
        String driver = s.path("driver").asText("none");
        if (!DRIVERS.contains(driver)) {
            problems.add("switch.driver: unknown driver '" + driver + "'; use none, ifttt, ewelink or tasmota");
        } else if (driver.equals("lan")) {
            problems.add("switch.driver: lan reaches a Sonoff on the home network, which Lambda cannot; use the "
                    + "self-hosted skill server for it");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = s.path("settings").fields(); it.hasNext(); ) {
            var f = it.next();
            if (looksSecret(f.getKey())) {
                problems.add("switch.settings." + f.getKey() + ": a secret belongs in switch.secrets as a reference");
            }
            settings.put(f.getKey(), f.getValue().asText());
        }
        Map<String, String> secrets = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = s.path("secrets").fields(); it.hasNext(); ) {
            var f = it.next();
            String ref = f.getValue().asText();
            if (!SECRET_REFERENCE.matcher(ref).matches()) {
                problems.add("switch.secrets." + f.getKey() + ": looks like a secret value; give a reference, "
                        + "ssm:/path/to/parameter or secretsmanager:name, never the value itself");
            } else if (ref.startsWith("ssm:") && looksSecret(f.getKey())) {
                problems.add("switch.secrets." + f.getKey() + ": a credential must be a secretsmanager: reference (read "
                        + "at run time); ssm: values are resolved into the function's environment at deploy time");
            }
            secrets.put(f.getKey(), ref);
        }
        Optional<String> topic = Optional.ofNullable(s.path("tasmotaTopic").asText(null));
        Optional<String> thing = Optional.ofNullable(s.path("iotThing").asText(null));
        if (driver.equals("tasmota") && (topic.isEmpty() || thing.isEmpty())) {
            problems.add("switch: the tasmota driver needs tasmotaTopic and iotThing");
        }
        return new Genome.Switch(driver, settings, secrets, topic, thing);
    }

    private static boolean looksSecret(String key) {
        String k = key.toUpperCase(java.util.Locale.ROOT);
        return k.contains("SECRET") || k.contains("TOKEN") || k.contains("KEY") || k.contains("PASSWORD");
    }

    private List<String> permissions(JsonNode parent, String role, String field, List<String> allowed) {
        List<String> out = new ArrayList<>();
        JsonNode list = parent.path(role);
        if (!list.isArray()) {
            problems.add(field + ": must be a list of permission names");
            return out;
        }
        for (JsonNode p : list) {
            if (!allowed.contains(p.asText())) {
                problems.add(field + ": unknown permission '" + p.asText() + "'; allowed: " + String.join(", ", allowed));
            }
            out.add(p.asText());
        }
        return out;
    }

    private String prefix(JsonNode node, String field) {
        String p = text(node, field);
        if (p != null && !p.matches("[a-z0-9-]+/")) {
            problems.add(field + ": must be a folder name ending in /, like uploads/");
        }
        return p;
    }

    private String text(JsonNode node, String field) {
        String last = field.substring(field.lastIndexOf('.') + 1);
        JsonNode v = node.path(last);
        if (!v.isTextual() || v.asText().isBlank()) {
            problems.add(field + ": missing");
            return null;
        }
        return v.asText();
    }
}
