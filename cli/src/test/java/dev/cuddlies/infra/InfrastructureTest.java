package dev.cuddlies.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The committed template and script are exactly the genome's transcription, and the template holds
 * up: references resolve, types and properties exist in the current CloudFormation specification,
 * required properties are present, and the least-privilege rules hold.
 */
class InfrastructureTest {

    private static final Path INFRA = Path.of("..", "infrastructure");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Genome genome;
    private static JsonNode template;

    @BeforeAll
    static void read() throws Exception {
        genome = GenomeReader.read(INFRA.resolve("taskoid.json"));
        template = new ObjectMapper(new YAMLFactory()).readTree(INFRA.resolve("cfn-deployer/skill-stack.yaml").toFile());
    }

    @Test
    void committedFilesAreTheGenomesTranscription() throws Exception {
        assertThat(Files.readString(INFRA.resolve("cfn-deployer/skill-stack.yaml")))
                .as("skill-stack.yaml drifted from taskoid.json: run java -jar cli/target/cuddlies.jar infra")
                .isEqualTo(SkillStack.yaml(genome));
    }

    @Test
    void deployScriptHandsTheTemplateToCloudFormationWithEveryRequiredParameter() throws Exception {
        String script = Files.readString(INFRA.resolve("deploy.sh"));
        assertThat(script).contains("aws cloudformation deploy", "--template-file infrastructure/cfn-deployer/skill-stack.yaml");
        template.path("Parameters").fields().forEachRemaining(p -> {
            if (!p.getValue().has("Default")) {
                assertThat(script).as("deploy.sh passes parameter " + p.getKey()).contains(p.getKey() + "=");
            }
        });
        Process syntax = new ProcessBuilder("bash", "-n", INFRA.resolve("deploy.sh").toString()).redirectErrorStream(true).start();
        assertThat(syntax.waitFor()).as(new String(syntax.getInputStream().readAllBytes())).isZero();
    }

    @Test
    void templateHasTheCfnDeployerContract() {
        assertThat(names(template.path("Parameters")))
                .contains("SkillId", "LambdaRuntime", "LambdaHandler", "CodeBucket", "CodeKey", "CodeVersion");
        assertThat(template.path("Outputs").has("SkillEndpoint")).isTrue();
        JsonNode permission = template.path("Resources").path("AlexaSkillPermission").path("Properties");
        assertThat(permission.path("Principal").asText()).isEqualTo("alexa-appkit.amazon.com");
        assertThat(permission.path("EventSourceToken").path("Ref").asText()).isEqualTo("SkillId");
        JsonNode fn = template.path("Resources").path("SkillFunction").path("Properties");
        assertThat(fn.path("Timeout").asInt()).isGreaterThanOrEqualTo(10);
        assertThat(fn.path("MemorySize").asInt()).isGreaterThanOrEqualTo(1024);
        assertThat(fn.path("SnapStart").path("ApplyOn").asText()).isEqualTo("PublishedVersions");
        JsonNode bucket = template.path("Resources").path("CuddliesBucket").path("Properties");
        assertThat(bucket.path("LifecycleConfiguration").path("Rules").get(0).path("ExpirationInDays").asInt()).isEqualTo(1);
        assertThat(bucket.path("PublicAccessBlockConfiguration").path("BlockPublicPolicy").asBoolean()).isTrue();
        assertThat(template.path("Resources").path("CuddliesBucketPolicy").toString()).contains("aws:SecureTransport");
        assertThat(template.path("Resources").path("OutlineEndpointConfig").path("Properties").path("ProductionVariants")
                .get(0).path("ServerlessConfig").path("MemorySizeInMB").asInt()).isEqualTo(2048);
    }

    @Test
    void everyRefAndGetAttResolves() {
        Set<String> resources = Set.copyOf(names(template.path("Resources")));
        Set<String> parameters = Set.copyOf(names(template.path("Parameters")));
        List<String> broken = new ArrayList<>();
        walk(template.path("Resources"), node -> {
            if (node.has("Ref")) {
                String r = node.path("Ref").asText();
                if (!resources.contains(r) && !parameters.contains(r) && !r.startsWith("AWS::")) {
                    broken.add("Ref " + r);
                }
            }
            if (node.has("Fn::GetAtt")) {
                String r = node.path("Fn::GetAtt").get(0).asText();
                if (!resources.contains(r)) {
                    broken.add("GetAtt " + r);
                }
            }
            if (node.has("Fn::Sub")) {
                var m = java.util.regex.Pattern.compile("\\$\\{([A-Za-z0-9:]+)}").matcher(node.path("Fn::Sub").asText());
                while (m.find()) {
                    String r = m.group(1);
                    if (!r.startsWith("AWS::") && !resources.contains(r) && !parameters.contains(r)) {
                        broken.add("Sub ${" + r + "}");
                    }
                }
            }
        });
        assertThat(broken).isEmpty();
    }

    @Test
    void typesPropertiesRequiredPropertiesAndAttributesMatchTheCurrentSpecification() throws Exception {
        Optional<ResourceSpec> spec = ResourceSpec.load();
        requireToolsInCi(spec.isPresent(), "@aws-cdk/aws-service-spec");
        ResourceSpec s = spec.get();
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields(); it.hasNext(); ) {
            var r = it.next();
            String type = r.getValue().path("Type").asText();
            Optional<JsonNode> def = s.resource(type);
            if (def.isEmpty()) {
                problems.add(r.getKey() + ": unknown type " + type);
                continue;
            }
            checkProperties(s, r.getKey(), def.get().path("properties"), r.getValue().path("Properties"), problems);
        }
        walk(template, node -> {
            if (node.has("Fn::GetAtt")) {
                String id = node.path("Fn::GetAtt").get(0).asText();
                String attribute = node.path("Fn::GetAtt").get(1).asText();
                String type = template.path("Resources").path(id).path("Type").asText();
                s.resource(type).ifPresent(d -> {
                    if (!d.path("attributes").has(attribute)) {
                        problems.add("GetAtt " + id + "." + attribute + ": " + type + " has no such attribute");
                    }
                });
            }
        });
        assertThat(problems).isEmpty();
    }

    private static void checkProperties(ResourceSpec s, String where, JsonNode specProps, JsonNode given, List<String> problems) {
        for (Iterator<Map.Entry<String, JsonNode>> it = specProps.fields(); it.hasNext(); ) {
            var p = it.next();
            if (p.getValue().path("required").asBoolean(false) && !given.has(p.getKey())) {
                problems.add(where + ": required property " + p.getKey() + " missing");
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext(); ) {
            var p = it.next();
            JsonNode def = specProps.get(p.getKey());
            if (def == null) {
                problems.add(where + ": " + p.getKey() + " is not a property");
                continue;
            }
            Optional<JsonNode> nested = s.typeOf(def);
            JsonNode value = p.getValue();
            if (nested.isPresent() && value.isObject() && !isIntrinsic(value)) {
                checkProperties(s, where + "." + p.getKey(), nested.get().path("properties"), value, problems);
            } else if (nested.isPresent() && value.isArray()) {
                for (JsonNode element : value) {
                    if (element.isObject() && !isIntrinsic(element)) {
                        checkProperties(s, where + "." + p.getKey() + "[]", nested.get().path("properties"), element, problems);
                    }
                }
            }
        }
    }

    private static boolean isIntrinsic(JsonNode node) {
        return node.size() == 1 && (node.has("Ref") || node.fieldNames().next().startsWith("Fn::"));
    }

    @Test
    void leastPrivilegeHolds() throws Exception {
        List<JsonNode> allow = new ArrayList<>();
        walk(template.path("Resources"), node -> {
            if (node.has("Statement")) {
                node.path("Statement").forEach(st -> {
                    if (st.path("Effect").asText().equals("Allow")) {
                        allow.add(st);
                    }
                });
            }
        });
        assertThat(allow).isNotEmpty();
        for (JsonNode st : allow) {
            List<String> actions = texts(st.path("Action"));
            assertThat(actions).as("actions of " + st.path("Sid")).noneMatch(a -> a.contains("*"));
            List<JsonNode> resources = new ArrayList<>();
            st.path("Resource").forEach(resources::add);
            boolean star = resources.stream().anyMatch(r -> r.isTextual() && r.asText().equals("*"));
            if (star) {
                assertThat(st.path("Sid").asText()).isEqualTo(Policies.ECR_TOKEN_SID);
                assertThat(actions).containsExactly("ecr:GetAuthorizationToken");
            }
            for (JsonNode r : resources) {
                String arn = r.isTextual() ? r.asText() : r.path("Fn::Sub").asText(r.toString());
                if (arn.contains(":s3:::${CuddliesBucket}/")) {
                    assertThat(arn).as("bucket objects only under the skill's prefixes")
                            .matches(".*/(uploads|patterns|warmth|pairings|pairings/codes|pairings/users)/\\*");
                }
                if (actions.contains("sagemaker:InvokeEndpoint")) {
                    assertThat(arn).endsWith(":endpoint/" + genome.endpoint().name());
                }
            }
        }
        String yaml = Files.readString(INFRA.resolve("cfn-deployer/skill-stack.yaml"));
        assertThat(yaml).contains("# ecr:GetAuthorizationToken has no resource-level permissions");
        // IoT only with the Tasmota driver (this genome uses eWeLink).
        assertThat(yaml).doesNotContain("iot:");
        assertThat(template.path("Resources").has("WarmthTickSchedule")).isTrue();
    }

    /** Issue 12, finding 5: CloudFormation resolved every secret into both functions' environment. */
    @Test
    void theStackHoldsNoSecretValueOnlyTheNamesOfSecrets() throws Exception {
        String yaml = Files.readString(INFRA.resolve("cfn-deployer/skill-stack.yaml"));
        assertThat(yaml).doesNotContain("resolve:secretsmanager").doesNotContain("resolve:ssm-secure");
        List<String> functions = new ArrayList<>();
        template.path("Resources").fields().forEachRemaining(e -> {
            if (e.getValue().path("Type").asText().equals("AWS::Lambda::Function")) {
                functions.add(e.getKey());
                e.getValue().path("Properties").path("Environment").path("Variables").fields().forEachRemaining(v -> {
                    String name = v.getKey();
                    if (name.matches(".*(SECRET|TOKEN|KEY|PASSWORD).*")) {
                        assertThat(name).as(e.getKey() + " names its credentials, never holds them").endsWith("_SECRET_ID");
                    }
                });
            }
        });
        assertThat(functions).containsExactlyInAnyOrder("SkillFunction", "WarmthTickFunction", "WebFunction");
        JsonNode skillEnv = template.path("Resources").path("SkillFunction").path("Properties").path("Environment")
                .path("Variables");
        assertThat(skillEnv.path("CUDDLIES_USER_KEY_SECRET_ID").path("Ref").asText()).isEqualTo("UserKeySecret");
        assertThat(skillEnv.path("CUDDLIES_EWELINK_APP_SECRET_ID").asText()).isEqualTo("cuddlies/ewelink/app-secret");
    }

    /** Issue 12, finding 6: both functions shared one role, and the tick could read and delete pictures. */
    @Test
    void eachFunctionHasItsOwnRoleGrantingOnlyWhatItCalls() {
        assertThat(actions("SkillRole")).containsExactlyInAnyOrder("s3:ListBucket", "s3:GetObject",
                "s3:DeleteObject", "s3:PutObject", "sagemaker:InvokeEndpoint", "secretsmanager:GetSecretValue",
                "logs:CreateLogStream", "logs:PutLogEvents");
        assertThat(actions("WarmthTickRole")).containsExactlyInAnyOrder("s3:GetObject", "s3:PutObject", "s3:DeleteObject",
                "secretsmanager:GetSecretValue", "logs:CreateLogStream", "logs:PutLogEvents");
        String tick = template.path("Resources").path("WarmthTickRole").toString();
        assertThat(tick).doesNotContain("/uploads/").doesNotContain("/patterns/").doesNotContain("UserKeySecret")
                .doesNotContain("sagemaker").contains("/warmth/*").contains("log-group:/aws/lambda/cuddlies-warmth-tick:*");
        assertThat(template.path("Resources").path("SkillRole").toString())
                .contains("log-group:/aws/lambda/cuddlies-skill:*");
        assertThat(template.path("Resources").path("WarmthTickFunction").path("Properties").path("Role")
                .path("Fn::GetAtt").get(0).asText()).isEqualTo("WarmthTickRole");
    }

    @Test
    void everyFunctionAndTheEndpointLogToADeclaredGroupWithRetentionAndNoRoleCreatesGroups() throws Exception {
        JsonNode r = template.path("Resources");
        for (String[] f : new String[][] {{"SkillFunction", "SkillLogGroup"}, {"WarmthTickFunction", "WarmthTickLogGroup"}}) {
            JsonNode group = r.path(f[1]);
            assertThat(group.path("Type").asText()).isEqualTo("AWS::Logs::LogGroup");
            assertThat(group.path("Properties").path("LogGroupName").asText())
                    .isEqualTo("/aws/lambda/" + r.path(f[0]).path("Properties").path("FunctionName").asText());
            assertThat(group.path("Properties").path("RetentionInDays").asInt()).isEqualTo(30);
            assertThat(texts(r.path(f[0]).path("DependsOn"))).contains(f[1]);
        }
        assertThat(r.path("OutlineEndpointLogGroup").path("Properties").path("LogGroupName").asText())
                .isEqualTo("/aws/sagemaker/Endpoints/cuddlies-outline");
        assertThat(Files.readString(INFRA.resolve("cfn-deployer/skill-stack.yaml"))).doesNotContain("logs:CreateLogGroup");
    }

    private static List<String> actions(String role) {
        List<String> out = new ArrayList<>();
        template.path("Resources").path(role).path("Properties").path("Policies").forEach(p ->
                p.path("PolicyDocument").path("Statement").forEach(st -> out.addAll(texts(st.path("Action")))));
        return out.stream().distinct().toList();
    }

    @Test
    void thePhonePageHasItsOwnNarrowRoleAPublicUrlAndIsTheBucketsOnlyCorsOrigin() {
        JsonNode resources = template.path("Resources");
        JsonNode web = resources.path("WebFunction").path("Properties");
        assertThat(web.path("Handler").asText()).isEqualTo(SkillStack.WEB_HANDLER);
        assertThat(web.path("Role").toString()).contains("WebRole").doesNotContain("SkillRole");
        assertThat(web.path("Environment").path("Variables").path("CUDDLIES_WEB_URL").asText()).isEqualTo(genome.web().url());
        String webPolicy = resources.path("WebRole").toString();
        // Of secrets, the page reads only the user-key secret (sessions are keyed with it), at run time.
        assertThat(webPolicy).contains("/pairings/*", "/uploads/*", "/patterns/*", "${UserKeySecret}")
                .doesNotContain("sagemaker:", "/warmth/", "iot:", "ewelink");
        assertThat(resources.path("SkillRole").toString()).contains("/pairings/codes/*", "/pairings/users/*")
                .doesNotContain("/pairings/*", "/pairings/links/");
        assertThat(resources.path("WebFunctionUrl").path("Properties").path("AuthType").asText()).isEqualTo("NONE");
        assertThat(resources.path("WebFunctionUrlPermission").path("Properties").path("FunctionUrlAuthType").asText())
                .isEqualTo("NONE");
        assertThat(resources.path("WebFunctionInvokePermission").path("Properties").path("InvokedViaFunctionUrl").asBoolean())
                .isTrue();
        JsonNode cors = resources.path("CuddliesBucket").path("Properties").path("CorsConfiguration").path("CorsRules");
        assertThat(cors).hasSize(1);
        assertThat(cors.get(0).path("AllowedOrigins").toString()).isEqualTo("[\"https://cuddlies.example.net\"]");
        assertThat(cors.get(0).path("AllowedMethods").toString()).isEqualTo("[\"POST\"]");
        assertThat(resources.path("CuddliesBucket").path("Properties").path("LifecycleConfiguration").toString())
                .contains("pairings/codes/", "pairings/links/");
        assertThat(template.path("Outputs").has("WebFunctionUrl")).isTrue();
    }

    @Test
    void tasmotaGenomeGrantsOnlyItsOwnTopicsAndThing() throws Exception {
        ObjectNode root = (ObjectNode) JSON.readTree(INFRA.resolve("taskoid.json").toFile());
        ObjectNode sw = root.putObject("switch").put("driver", "tasmota").put("tasmotaTopic", "cuddlie").put("iotThing", "cuddlie-thing");
        sw.putObject("settings");
        sw.putObject("secrets");
        Genome tasmota = new GenomeReader().parse(root);

        String policy = Policies.function(tasmota, Permissions.SKILL).toString()
                + Policies.function(tasmota, Permissions.WARMTH_TICK);

        assertThat(policy).contains("topic/cmnd/cuddlie/*").contains("thing/cuddlie-thing").doesNotContain("iot:*");
    }

    @Test
    void badGenomesAreRefusedNamingTheField() throws Exception {
        assertRefused(g -> ((ObjectNode) g.path("switch")).put("driver", "zigbee"), "switch.driver: unknown driver 'zigbee'");
        assertRefused(g -> ((ObjectNode) g.path("endpoint").path("serverless")).put("memorySizeInMB", 1500),
                "endpoint.serverless.memorySizeInMB: 1500 is not a SageMaker serverless size");
        assertRefused(g -> ((ObjectNode) g.path("switch").path("secrets")).put("CUDDLIES_EWELINK_APP_SECRET", "s3cr3t-value"),
                "switch.secrets.CUDDLIES_EWELINK_APP_SECRET: looks like a secret value");
        assertRefused(g -> ((ObjectNode) g.path("switch").path("settings")).put("CUDDLIES_IFTTT_KEY", "abc"),
                "switch.settings.CUDDLIES_IFTTT_KEY: a secret belongs in switch.secrets");
        assertRefused(g -> ((ObjectNode) g.path("lambda")).put("timeoutSeconds", 3), "lambda.timeoutSeconds");
        assertRefused(g -> ((ObjectNode) g.path("iam").path("functions")).putArray("skill").add("s3:*"),
                "iam.functions.skill: unknown permission 's3:*'");
        assertRefused(g -> ((ObjectNode) g.path("iam").path("functions")).remove("warmth-tick"),
                "iam.functions.warmth-tick: missing");
        assertRefused(g -> ((ObjectNode) g.path("switch").path("secrets")).put("CUDDLIES_EWELINK_APP_SECRET", "ssm:/app-secret"),
                "switch.secrets.CUDDLIES_EWELINK_APP_SECRET: a credential must be a secretsmanager: reference");
        assertRefused(g -> ((ObjectNode) g.path("switch")).put("driver", "lan"), "Lambda cannot");
        assertRefused(g -> ((ObjectNode) g).put("colour", "blue"), "colour: unknown field");
    }

    private interface Mutation {
        void apply(JsonNode genome);
    }

    private static void assertRefused(Mutation mutation, String message) throws Exception {
        JsonNode g = JSON.readTree(INFRA.resolve("taskoid.json").toFile());
        mutation.apply(g);
        assertThatThrownBy(() -> new GenomeReader().parse(g)).isInstanceOf(GenomeException.class).hasMessageContaining(message);
    }

    @Test
    void awsCfnLintReportsNoErrorAndNoWarning() throws Exception {
        Optional<Path> cfnLint = onPath("cfn-lint");
        requireToolsInCi(cfnLint.isPresent(), "cfn-lint (AWS's Python linter)");
        Process p = new ProcessBuilder(cfnLint.get().toString(), "--format", "parseable",
                INFRA.resolve("cfn-deployer/skill-stack.yaml").toAbsolutePath().toString())
                .redirectErrorStream(true).start();
        String findings = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(findings).isZero();
        assertThat(findings).isEmpty();
    }

    private static Optional<Path> onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, command);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** CI has the tools (.ci/run installs or checks them); a developer without them skips these checks. */
    private static void requireToolsInCi(boolean present, String what) {
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(what + " is not installed: .ci/run must provide it");
        }
        Assumptions.assumeTrue(present, what + " not installed; skipped outside CI");
    }

    private static List<String> names(JsonNode object) {
        List<String> n = new ArrayList<>();
        object.fieldNames().forEachRemaining(n::add);
        return n;
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else {
            out.add(node.asText());
        }
        return out;
    }

    private static void walk(JsonNode node, java.util.function.Consumer<JsonNode> visit) {
        if (node.isObject()) {
            visit.accept(node);
            node.forEach(child -> walk(child, visit));
        } else if (node.isArray()) {
            node.forEach(child -> walk(child, visit));
        }
    }
}
