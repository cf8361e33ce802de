package dev.cuddlies.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.cuddlies.config.SwitchSettings;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * The genome as the ASK CLI cfn-deployer's CloudFormation template: parameters {@code SkillId,
 * LambdaRuntime, LambdaHandler, CodeBucket, CodeKey, CodeVersion}, output {@code SkillEndpoint}.
 */
public final class SkillStack {

    public static final String HANDLER = "dev.cuddlies.aws.CuddliesStreamHandler::handleRequest";
    public static final String TICK_HANDLER = "dev.cuddlies.aws.WarmthTickHandler::handleRequest";
    public static final String WEB_HANDLER = "dev.cuddlies.aws.WebFunctionHandler::handleRequest";
    /** Pairing records live a day at most; a phone link as long as its 30-day session, and a day more. */
    private static final int PAIRING_RETENTION_DAYS = 1;
    private static final int PHONE_LINK_RETENTION_DAYS = 31;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SkillStack() {
    }

    public static ObjectNode template(Genome g) {
        ObjectNode t = JSON.createObjectNode();
        t.put("AWSTemplateFormatVersion", "2010-09-09");
        t.put("Description", "Cuddlies (" + g.name() + "): skill Lambda, phone page, outline model endpoint, picture bucket. "
                + "Generated from infrastructure/taskoid.json by 'cuddlies.jar infra'; do not edit by hand.");
        ObjectNode p = t.putObject("Parameters");
        param(p, "SkillId", "The Alexa skill id (set by ask deploy).", null);
        param(p, "LambdaRuntime", "Lambda runtime.", g.lambda().runtime());
        param(p, "LambdaHandler", "Lambda handler.", HANDLER);
        param(p, "CodeBucket", "Bucket of the uploaded code.", null);
        param(p, "CodeKey", "Key of the uploaded code.", null);
        param(p, "CodeVersion", "Version of the uploaded code.", null);

        ObjectNode r = t.putObject("Resources");
        bucket(r, g);
        secret(r, g);
        model(r, g);
        functions(r, g);
        webFunction(r, g);

        ObjectNode out = t.putObject("Outputs");
        ObjectNode endpoint = out.putObject("SkillEndpoint");
        endpoint.put("Description", "Lambda ARN (alias 'live') for the skill's endpoint");
        endpoint.set("Value", ref("SkillFunctionAlias"));
        ObjectNode bucket = out.putObject("PictureBucket");
        bucket.set("Value", ref("CuddliesBucket"));
        ObjectNode page = out.putObject("WebFunctionUrl");
        page.put("Description", "The phone page's function URL: point " + g.web().url() + " at it");
        page.set("Value", getAtt("WebFunctionUrl", "FunctionUrl"));
        return t;
    }

    /** The template as YAML, with a comment on the one statement that must use a "*" resource. */
    public static String yaml(Genome g) throws IOException {
        ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .build());
        String text = yaml.writerWithDefaultPrettyPrinter().writeValueAsString(template(g));
        // A date-like version would be read as a YAML timestamp by some parsers: keep it a string.
        text = text.replace("AWSTemplateFormatVersion: 2010-09-09", "AWSTemplateFormatVersion: \"2010-09-09\"");
        text = text.replaceAll("(?m)^(\\s*)- Sid: " + Policies.ECR_TOKEN_SID + "$",
                "$1# ecr:GetAuthorizationToken has no resource-level permissions: \"*\" is the only resource AWS allows.\n"
                        + "$1- Sid: " + Policies.ECR_TOKEN_SID);
        return "# Generated from infrastructure/taskoid.json by `java -jar cli/target/cuddlies.jar infra`.\n"
                + "# Do not edit: change the genome and transcribe again (a test fails when they drift).\n" + text;
    }

    private static void bucket(ObjectNode r, Genome g) {
        ObjectNode b = resource(r, "CuddliesBucket", "AWS::S3::Bucket");
        b.put("DeletionPolicy", "Retain");
        b.put("UpdateReplacePolicy", "Retain");
        ObjectNode props = b.putObject("Properties");
        props.putObject("BucketEncryption").putArray("ServerSideEncryptionConfiguration").addObject()
                .putObject("ServerSideEncryptionByDefault").put("SSEAlgorithm", "AES256");
        props.putObject("PublicAccessBlockConfiguration").put("BlockPublicAcls", true).put("BlockPublicPolicy", true)
                .put("IgnorePublicAcls", true).put("RestrictPublicBuckets", true);
        props.putObject("OwnershipControls").putArray("Rules").addObject().put("ObjectOwnership", "BucketOwnerEnforced");
        ArrayNode rules = props.putObject("LifecycleConfiguration").putArray("Rules");
        rules.addObject().put("Id", "ExpireUploadedPictures").put("Status", "Enabled").put("Prefix", g.inputData().uploadPrefix())
                .put("ExpirationInDays", g.inputData().uploadRetentionDays());
        rules.addObject().put("Id", "AbortIncompleteUploads").put("Status", "Enabled")
                .putObject("AbortIncompleteMultipartUpload").put("DaysAfterInitiation", 1);
        for (String state : new String[] {"codes", "redeemed", "clients", "users"}) {
            rules.addObject().put("Id", "ExpirePairing" + Character.toUpperCase(state.charAt(0)) + state.substring(1))
                    .put("Status", "Enabled").put("Prefix", "pairings/" + state + "/").put("ExpirationInDays", PAIRING_RETENTION_DAYS);
        }
        rules.addObject().put("Id", "ExpirePhoneLinks").put("Status", "Enabled").put("Prefix", "pairings/links/")
                .put("ExpirationInDays", PHONE_LINK_RETENTION_DAYS);
        // The phone page posts pictures straight to the bucket: only from its own origin.
        ObjectNode cors = props.putObject("CorsConfiguration").putArray("CorsRules").addObject();
        cors.putArray("AllowedOrigins").add(g.web().origin());
        cors.putArray("AllowedMethods").add("POST");
        cors.put("MaxAge", 3000);

        ObjectNode policy = resource(r, "CuddliesBucketPolicy", "AWS::S3::BucketPolicy").putObject("Properties");
        policy.set("Bucket", ref("CuddliesBucket"));
        ObjectNode doc = policy.putObject("PolicyDocument").put("Version", "2012-10-17");
        ObjectNode deny = doc.putArray("Statement").addObject().put("Sid", "DenyInsecureTransport").put("Effect", "Deny");
        deny.put("Principal", "*");
        deny.put("Action", "s3:*");
        ArrayNode resources = deny.putArray("Resource");
        resources.add(sub(Policies.bucketArn()));
        resources.add(sub(Policies.bucketArn() + "/*"));
        deny.putObject("Condition").putObject("Bool").put("aws:SecureTransport", "false");
    }

    private static void secret(ObjectNode r, Genome g) {
        ObjectNode props = resource(r, "UserKeySecret", "AWS::SecretsManager::Secret").putObject("Properties");
        props.put("Description", "Key of the keyed hash that turns Alexa user ids into storage folder names");
        props.putObject("GenerateSecretString").put("PasswordLength", 48).put("ExcludePunctuation", true);
    }

    private static void model(ObjectNode r, Genome g) {
        ObjectNode role = resource(r, "OutlineModelRole", "AWS::IAM::Role").putObject("Properties");
        role.set("AssumeRolePolicyDocument", Policies.trust("sagemaker.amazonaws.com"));
        ObjectNode policy = role.putArray("Policies").addObject().put("PolicyName", "outline-model");
        policy.set("PolicyDocument", subAll(Policies.sagemaker(g)));

        ObjectNode model = resource(r, "OutlineModel", "AWS::SageMaker::Model").putObject("Properties");
        model.set("ExecutionRoleArn", getAtt("OutlineModelRole", "Arn"));
        model.putObject("PrimaryContainer").put("Image", g.model().image()).put("ModelDataUrl", g.model().artifactUri());

        ObjectNode config = resource(r, "OutlineEndpointConfig", "AWS::SageMaker::EndpointConfig").putObject("Properties");
        ObjectNode variant = config.putArray("ProductionVariants").addObject();
        variant.set("ModelName", getAtt("OutlineModel", "ModelName"));
        variant.put("VariantName", "AllTraffic");
        if (g.endpoint().serverless()) {
            variant.putObject("ServerlessConfig").put("MemorySizeInMB", g.endpoint().serverlessMemoryMb().orElseThrow())
                    .put("MaxConcurrency", g.endpoint().serverlessMaxConcurrency().orElseThrow());
        } else {
            variant.put("InstanceType", g.endpoint().instanceType().orElseThrow());
            variant.put("InitialInstanceCount", g.endpoint().instanceCount().orElseThrow());
            variant.put("InitialVariantWeight", 1);
        }
        ObjectNode endpointLogs = resource(r, "OutlineEndpointLogGroup", "AWS::Logs::LogGroup").putObject("Properties");
        endpointLogs.put("LogGroupName", Policies.endpointLogGroupName(g));
        endpointLogs.put("RetentionInDays", LOG_RETENTION_DAYS);
        ObjectNode endpointResource = resource(r, "OutlineEndpoint", "AWS::SageMaker::Endpoint");
        endpointResource.putArray("DependsOn").add("OutlineEndpointLogGroup");
        ObjectNode endpoint = endpointResource.putObject("Properties");
        endpoint.put("EndpointName", g.endpoint().name());
        endpoint.set("EndpointConfigName", getAtt("OutlineEndpointConfig", "EndpointConfigName"));
    }

    /** Log retention of every function and of the endpoint, days. */
    static final int LOG_RETENTION_DAYS = 30;

    private static void functions(ObjectNode r, Genome g) {
        ObjectNode props = function(r, g, Permissions.SKILL, "Skill", "Cuddlies Alexa skill", g.lambda().timeoutSeconds());
        props.set("Handler", ref("LambdaHandler"));
        if (g.lambda().snapStart()) {
            props.putObject("SnapStart").put("ApplyOn", "PublishedVersions");
        }
        ObjectNode skillEnv = environment(g);
        skillEnv.set("CUDDLIES_OUTLINE_ENDPOINT", getAtt("OutlineEndpoint", "EndpointName"));
        // The secret's ARN, not its value: the function reads the value at run time.
        skillEnv.set("CUDDLIES_USER_KEY_SECRET_ID", ref("UserKeySecret"));
        skillEnv.put("CUDDLIES_WEB_URL", g.web().url());
        props.putObject("Environment").set("Variables", skillEnv);

        ObjectNode version = resource(r, "SkillFunctionVersion", "AWS::Lambda::Version").putObject("Properties");
        version.set("FunctionName", ref("SkillFunction"));
        // A new code version changes the description, which publishes a new version (and a new snapshot).
        version.set("Description", ref("CodeVersion"));
        ObjectNode alias = resource(r, "SkillFunctionAlias", "AWS::Lambda::Alias").putObject("Properties");
        alias.set("FunctionName", ref("SkillFunction"));
        alias.set("FunctionVersion", getAtt("SkillFunctionVersion", "Version"));
        alias.put("Name", "live");

        ObjectNode permission = resource(r, "AlexaSkillPermission", "AWS::Lambda::Permission").putObject("Properties");
        permission.set("FunctionName", ref("SkillFunctionAlias"));
        permission.put("Action", "lambda:InvokeFunction");
        permission.put("Principal", "alexa-appkit.amazon.com");
        permission.set("EventSourceToken", ref("SkillId"));

        if (needsControlLoop(g)) {
            ObjectNode tp = function(r, g, Permissions.WARMTH_TICK, "WarmthTick",
                    "Cuddlies warmth control loop (thermostat step every minute)", 30);
            tp.put("Handler", TICK_HANDLER);
            tp.putObject("Environment").set("Variables", environment(g));
            ObjectNode rule = resource(r, "WarmthTickSchedule", "AWS::Events::Rule").putObject("Properties");
            rule.put("ScheduleExpression", "rate(1 minute)");
            rule.put("State", "ENABLED");
            ObjectNode target = rule.putArray("Targets").addObject();
            target.put("Id", "warmth-tick");
            target.set("Arn", getAtt("WarmthTickFunction", "Arn"));
            ObjectNode tickPermission = resource(r, "WarmthTickPermission", "AWS::Lambda::Permission").putObject("Properties");
            tickPermission.set("FunctionName", ref("WarmthTickFunction"));
            tickPermission.put("Action", "lambda:InvokeFunction");
            tickPermission.put("Principal", "events.amazonaws.com");
            tickPermission.set("SourceArn", getAtt("WarmthTickSchedule", "Arn"));
        }
    }

    /**
     * One Lambda function with its own role (only the genome's permissions for it) and its own log
     * group with a retention, created before the function so Lambda never needs to create it.
     *
     * @param function the genome's function name ({@link Permissions#FUNCTIONS})
     * @param id       the logical id prefix: {@code <id>Role}, {@code <id>LogGroup}, {@code <id>Function}
     * @return the function's properties, for the caller to add its handler and environment
     */
    private static ObjectNode function(ObjectNode r, Genome g, String function, String id, String description,
                                       int timeoutSeconds) {
        ObjectNode role = resource(r, id + "Role", "AWS::IAM::Role").putObject("Properties");
        role.set("AssumeRolePolicyDocument", Policies.trust("lambda.amazonaws.com"));
        ObjectNode policy = role.putArray("Policies").addObject().put("PolicyName", function);
        policy.set("PolicyDocument", subAll(Policies.function(g, function)));

        ObjectNode logs = resource(r, id + "LogGroup", "AWS::Logs::LogGroup").putObject("Properties");
        logs.put("LogGroupName", Policies.logGroupName(g, function));
        logs.put("RetentionInDays", LOG_RETENTION_DAYS);

        ObjectNode f = resource(r, id + "Function", "AWS::Lambda::Function");
        f.putArray("DependsOn").add(id + "LogGroup");
        ObjectNode props = f.putObject("Properties");
        props.put("FunctionName", Policies.functionName(g, function));
        props.put("Description", description);
        props.set("Runtime", ref("LambdaRuntime"));
        props.set("Role", getAtt(id + "Role", "Arn"));
        code(props);
        props.put("MemorySize", g.lambda().memoryMb());
        props.put("Timeout", timeoutSeconds);
        return props;
    }

    /** The phone page: its own function, role and log group, behind a Lambda Function URL. */
    private static void webFunction(ObjectNode r, Genome g) {
        ObjectNode props = function(r, g, Permissions.WEB, "Web", "Cuddlies phone page: pairing, upload forms, patterns", 10);
        props.put("Handler", WEB_HANDLER);
        props.put("MemorySize", g.web().memoryMb());
        if (g.lambda().snapStart()) {
            props.putObject("SnapStart").put("ApplyOn", "PublishedVersions");
        }
        ObjectNode env = props.putObject("Environment").putObject("Variables");
        env.set("CUDDLIES_SKILL_ID", ref("SkillId"));
        env.set("CUDDLIES_BUCKET", ref("CuddliesBucket"));
        env.set("CUDDLIES_USER_KEY_SECRET_ID", ref("UserKeySecret"));
        env.put("CUDDLIES_WEB_URL", g.web().url());
        env.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -Djava.awt.headless=true");

        ObjectNode version = resource(r, "WebFunctionVersion", "AWS::Lambda::Version").putObject("Properties");
        version.set("FunctionName", ref("WebFunction"));
        version.set("Description", ref("CodeVersion"));
        ObjectNode alias = resource(r, "WebFunctionAlias", "AWS::Lambda::Alias").putObject("Properties");
        alias.set("FunctionName", ref("WebFunction"));
        alias.set("FunctionVersion", getAtt("WebFunctionVersion", "Version"));
        alias.put("Name", "live");

        ObjectNode url = resource(r, "WebFunctionUrl", "AWS::Lambda::Url").putObject("Properties");
        url.put("AuthType", "NONE");
        url.set("TargetFunctionArn", ref("WebFunctionAlias"));
        url.put("InvokeMode", "BUFFERED");
        // A public function URL needs both permissions; the second only through the URL.
        ObjectNode viaUrl = resource(r, "WebFunctionUrlPermission", "AWS::Lambda::Permission").putObject("Properties");
        viaUrl.set("FunctionName", ref("WebFunctionAlias"));
        viaUrl.put("Action", "lambda:InvokeFunctionUrl");
        viaUrl.put("Principal", "*");
        viaUrl.put("FunctionUrlAuthType", "NONE");
        ObjectNode invoke = resource(r, "WebFunctionInvokePermission", "AWS::Lambda::Permission").putObject("Properties");
        invoke.set("FunctionName", ref("WebFunctionAlias"));
        invoke.put("Action", "lambda:InvokeFunction");
        invoke.put("Principal", "*");
        invoke.put("InvokedViaFunctionUrl", true);
    }

    /** Drivers with a temperature sensor need the thermostat to run between requests. */
    static boolean needsControlLoop(Genome g) {
        return g.switches().driver().equals("ewelink") || g.switches().driver().equals("tasmota");
    }

    private static void code(ObjectNode props) {
        ObjectNode code = props.putObject("Code");
        code.set("S3Bucket", ref("CodeBucket"));
        code.set("S3Key", ref("CodeKey"));
        code.set("S3ObjectVersion", ref("CodeVersion"));
    }

    /**
     * The settings both functions share. No credential is here, resolved or not: a credential's
     * setting names its Secrets Manager secret ({@code X_SECRET_ID}) and the function reads it at run
     * time; only plain Parameter Store values ({@code ssm:}) are resolved here, at deploy time.
     */
    private static ObjectNode environment(Genome g) {
        ObjectNode env = JSON.createObjectNode();
        env.set("CUDDLIES_SKILL_ID", ref("SkillId"));
        env.set("CUDDLIES_BUCKET", ref("CuddliesBucket"));
        env.put("CUDDLIES_SWITCH_DRIVER", g.switches().driver());
        g.switches().settings().forEach(env::put);
        g.switches().tasmotaTopic().ifPresent(t -> env.put("CUDDLIES_TASMOTA_TOPIC", t));
        g.switches().iotThing().ifPresent(t -> env.put("CUDDLIES_IOT_THING", t));
        g.switches().secrets().forEach((name, ref) -> {
            if (ref.startsWith("ssm:")) {
                env.put(name, "{{resolve:ssm:" + ref.substring("ssm:".length()) + "}}");
            } else {
                env.put(SwitchSettings.Settings.secretIdName(name), ref.substring("secretsmanager:".length()));
            }
        });
        env.put("JAVA_TOOL_OPTIONS", "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -Djava.awt.headless=true");
        return env;
    }

    private static void param(ObjectNode p, String name, String description, String defaultValue) {
        ObjectNode n = p.putObject(name).put("Type", "String").put("Description", description);
        if (defaultValue != null) {
            n.put("Default", defaultValue);
        }
    }

    private static ObjectNode resource(ObjectNode resources, String id, String type) {
        return resources.putObject(id).put("Type", type);
    }

    static ObjectNode ref(String id) {
        return JSON.createObjectNode().put("Ref", id);
    }

    static ObjectNode getAtt(String id, String attribute) {
        ObjectNode n = JSON.createObjectNode();
        n.putArray("Fn::GetAtt").add(id).add(attribute);
        return n;
    }

    static ObjectNode sub(String text) {
        return JSON.createObjectNode().put("Fn::Sub", text);
    }

    /** Wraps every string holding a {@code ${…}} placeholder into {@code Fn::Sub}. */
    static JsonNode subAll(JsonNode node) {
        if (node.isTextual() && node.asText().contains("${")) {
            return sub(node.asText());
        }
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            node.forEach(n -> out.add(subAll(n)));
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var f = it.next();
                out.set(f.getKey(), subAll(f.getValue()));
            }
            return out;
        }
        return node instanceof TextNode ? node : node.deepCopy();
    }
}
