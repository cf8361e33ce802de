package dev.cuddlies.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The IAM policy documents of the genome's roles, least privilege, written once with
 * CloudFormation {@code Fn::Sub} placeholders ({@code ${AWS::Region}}, {@code ${CuddliesBucket}}…) so
 * the template and the AWS CLI script share them (the script substitutes shell variables).
 */
public final class Policies {

    /** The only statement whose resource is "*": ecr:GetAuthorizationToken has no resource-level permissions. */
    public static final String ECR_TOKEN_SID = "EcrAuthorizationTokenHasNoResourceLevelPermissions";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Policies() {
    }

    static String bucketArn() {
        return "arn:${AWS::Partition}:s3:::${CuddliesBucket}";
    }

    static String endpointArn(Genome g) {
        return "arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:endpoint/" + g.endpoint().name().toLowerCase(Locale.ROOT);
    }

    /** The deployed name of one of the genome's functions ({@link Permissions#FUNCTIONS}). */
    static String functionName(Genome g, String function) {
        return g.name() + "-" + function;
    }

    /** The log group Lambda writes a function's logs to; declared in the stack with a retention. */
    static String logGroupName(Genome g, String function) {
        return "/aws/lambda/" + functionName(g, function);
    }

    /** The log group a SageMaker endpoint writes to; declared in the stack with a retention. */
    static String endpointLogGroupName(Genome g) {
        return "/aws/sagemaker/Endpoints/" + g.endpoint().name();
    }

    /** One function's permissions: exactly the named ones the genome gives it, each as narrow as AWS allows. */
    public static ObjectNode function(Genome g, String function) {
        List<ObjectNode> statements = new ArrayList<>();
        List<String> perms = g.iam().function(function);
        String uploads = g.inputData().uploadPrefix();
        String patterns = g.inputData().patternPrefix();
        if (perms.contains("list-uploads") || perms.contains("list-user-files")) {
            ObjectNode s = statement("ListOwnPrefixes", List.of("s3:ListBucket"), List.of(bucketArn()));
            ArrayNode prefixes = s.putObject("Condition").putObject("StringLike").putArray("s3:prefix");
            prefixes.add(uploads + "*");
            if (perms.contains("read-patterns") || perms.contains("list-user-files")) {
                prefixes.add(patterns + "*");
            }
            if (perms.contains("pairing-codes") || perms.contains("pairing-state")) {
                // Listing is what makes S3 answer 404, not 403, for a pairing record that is not there.
                prefixes.add("pairings/*");
            }
            statements.add(s);
        }
        objectStatement(statements, perms, "read-uploads", "ReadUploads", "s3:GetObject", uploads);
        objectStatement(statements, perms, "delete-uploads", "DeleteUploads", "s3:DeleteObject", uploads);
        if (perms.contains("write-patterns")) {
            statements.add(statement("WritePatterns", List.of("s3:PutObject", "s3:DeleteObject"),
                    List.of(bucketArn() + "/" + patterns + "*")));
        }
        objectStatement(statements, perms, "read-patterns", "ReadPatterns", "s3:GetObject", patterns);
        // The phone page: whichever user a signed session names (the role cannot narrow to one user).
        // Upload forms are signed with the page's credentials, so S3 accepts only what it may put.
        objectStatement(statements, perms, "post-uploads", "PostUploads", "s3:PutObject", uploads);
        objectStatement(statements, perms, "delete-patterns", "DeletePatterns", "s3:DeleteObject", patterns);
        if (perms.contains("pairing-state")) {
            statements.add(statement("PairingState", List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"),
                    List.of(bucketArn() + "/pairings/*")));
        }
        if (perms.contains("warmth-state")) {
            statements.add(statement("WarmthState", List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"),
                    List.of(bucketArn() + "/warmth/*")));
        }
        if (perms.contains("invoke-endpoint")) {
            statements.add(statement("InvokeOutlineEndpoint", List.of("sagemaker:InvokeEndpoint"), List.of(endpointArn(g))));
        }
        if (perms.contains("read-user-key-secret")) {
            statements.add(statement("ReadUserKeySecret", List.of("secretsmanager:GetSecretValue"),
                    List.of("${UserKeySecret}")));
        }
        List<String> switchSecrets = new ArrayList<>();
        g.switches().secrets().values().stream().filter(ref -> ref.startsWith("secretsmanager:")).forEach(ref ->
                // Secrets Manager appends six random characters to a secret's ARN.
                switchSecrets.add("arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:"
                        + ref.substring("secretsmanager:".length()) + "-??????"));
        if (perms.contains("read-switch-secrets") && !switchSecrets.isEmpty()) {
            // ssm: references are plain values CloudFormation resolves at deploy time: no run-time grant.
            statements.add(statement("ReadSwitchSecrets", List.of("secretsmanager:GetSecretValue"), switchSecrets));
        }
        boolean tasmota = g.switches().driver().equals("tasmota");
        if (tasmota && perms.contains("publish-switch-topics")) {
            statements.add(statement("PublishSwitchCommands", List.of("iot:Publish"), List.of(
                    "arn:${AWS::Partition}:iot:${AWS::Region}:${AWS::AccountId}:topic/cmnd/"
                            + g.switches().tasmotaTopic().orElseThrow() + "/*")));
        }
        if (tasmota && perms.contains("read-switch-shadow")) {
            statements.add(statement("ReadSwitchShadow", List.of("iot:GetThingShadow"), List.of(
                    "arn:${AWS::Partition}:iot:${AWS::Region}:${AWS::AccountId}:thing/" + g.switches().iotThing().orElseThrow())));
        }
        if (perms.contains("pairing-codes")) {
            // The skill issues codes for the phone page: a code record and the user's current-code note.
            statements.add(statement("IssuePairingCodes", List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"),
                    List.of(bucketArn() + "/pairings/codes/*", bucketArn() + "/pairings/users/*")));
        }
        if (perms.contains("write-logs")) {
            // The log group is declared in the stack (with its retention): no logs:CreateLogGroup.
            String group = "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:"
                    + logGroupName(g, function);
            statements.add(statement("WriteOwnLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                    List.of(group + ":*")));
        }
        return document(statements);
    }

    /** The SageMaker execution role's permissions. */
    public static ObjectNode sagemaker(Genome g) {
        List<ObjectNode> statements = new ArrayList<>();
        List<String> perms = g.iam().sagemaker();
        if (perms.contains("read-model-artifact")) {
            statements.add(statement("ReadModelArtifact", List.of("s3:GetObject"), List.of(
                    "arn:${AWS::Partition}:s3:::" + g.model().artifactBucket() + "/" + g.model().artifactKey())));
        }
        if (perms.contains("pull-image")) {
            statements.add(statement(ECR_TOKEN_SID, List.of("ecr:GetAuthorizationToken"), List.of("*")));
            statements.add(statement("PullModelImage", List.of("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer",
                    "ecr:BatchCheckLayerAvailability"), List.of(
                    "arn:${AWS::Partition}:ecr:${AWS::Region}:${AWS::AccountId}:repository/" + g.model().repository())));
        }
        if (perms.contains("write-logs")) {
            statements.add(statement("WriteEndpointLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents",
                    "logs:DescribeLogStreams"), List.of(
                    "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:" + endpointLogGroupName(g) + ":*")));
        }
        return document(statements);
    }

    public static ObjectNode trust(String service) {
        ObjectNode doc = JSON.createObjectNode().put("Version", "2012-10-17");
        ObjectNode s = doc.putArray("Statement").addObject();
        s.put("Effect", "Allow");
        s.putObject("Principal").put("Service", service);
        s.put("Action", "sts:AssumeRole");
        return doc;
    }

    private static void objectStatement(List<ObjectNode> statements, List<String> perms, String perm, String sid,
                                        String action, String prefix) {
        if (perms.contains(perm)) {
            statements.add(statement(sid, List.of(action), List.of(bucketArn() + "/" + prefix + "*")));
        }
    }

    private static ObjectNode statement(String sid, List<String> actions, List<String> resources) {
        ObjectNode s = JSON.createObjectNode().put("Sid", sid).put("Effect", "Allow");
        ArrayNode a = s.putArray("Action");
        actions.forEach(a::add);
        ArrayNode r = s.putArray("Resource");
        resources.forEach(r::add);
        return s;
    }

    private static ObjectNode document(List<ObjectNode> statements) {
        ObjectNode doc = JSON.createObjectNode().put("Version", "2012-10-17");
        ArrayNode list = doc.putArray("Statement");
        statements.forEach(list::add);
        return doc;
    }
}
