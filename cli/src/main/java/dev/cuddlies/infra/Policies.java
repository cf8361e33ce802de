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

    static String functionName(Genome g) {
        return g.name() + "-skill";
    }

    /** The skill function's permissions. */
    public static ObjectNode lambda(Genome g) {
        List<ObjectNode> statements = new ArrayList<>();
        List<String> perms = g.iam().lambda();
        String uploads = g.inputData().uploadPrefix();
        String patterns = g.inputData().patternPrefix();
        if (perms.contains("list-uploads")) {
            ObjectNode s = statement("ListOwnPrefixes", List.of("s3:ListBucket"), List.of(bucketArn()));
            ArrayNode prefixes = s.putObject("Condition").putObject("StringLike").putArray("s3:prefix");
            prefixes.add(uploads + "*");
            if (perms.contains("read-patterns")) {
                prefixes.add(patterns + "*");
            }
            if (perms.contains("pairing-codes")) {
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
        if (perms.contains("warmth-state")) {
            statements.add(statement("WarmthState", List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"),
                    List.of(bucketArn() + "/warmth/*")));
        }
        if (perms.contains("invoke-endpoint")) {
            statements.add(statement("InvokeOutlineEndpoint", List.of("sagemaker:InvokeEndpoint"), List.of(endpointArn(g))));
        }
        if (perms.contains("read-switch-secrets")) {
            List<String> secrets = new ArrayList<>();
            secrets.add("${UserKeySecret}");
            List<String> parameters = new ArrayList<>();
            g.switches().secrets().values().forEach(ref -> {
                if (ref.startsWith("secretsmanager:")) {
                    // Secrets Manager appends six random characters to a secret's ARN.
                    secrets.add("arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:"
                            + ref.substring("secretsmanager:".length()) + "-??????");
                } else {
                    parameters.add("arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter"
                            + ref.substring("ssm:".length()));
                }
            });
            statements.add(statement("ReadOwnSecrets", List.of("secretsmanager:GetSecretValue"), secrets));
            if (!parameters.isEmpty()) {
                statements.add(statement("ReadOwnParameters", List.of("ssm:GetParameter"), parameters));
            }
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
            String group = "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/" + g.name() + "-*";
            statements.add(statement("WriteOwnLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                    List.of(group + ":*")));
        }
        return document(statements);
    }

    static String webFunctionName(Genome g) {
        return g.name() + "-web";
    }

    /**
     * The phone page's permissions: pairing state, and the pictures and patterns of whichever user a
     * session names (the role cannot narrow to one user; the signed session does). Upload forms are
     * signed with this role's credentials, so S3 accepts only what the role may put.
     */
    public static ObjectNode web(Genome g) {
        List<ObjectNode> statements = new ArrayList<>();
        List<String> perms = g.iam().web();
        String uploads = g.inputData().uploadPrefix();
        String patterns = g.inputData().patternPrefix();
        if (perms.contains("list-user-files")) {
            ObjectNode s = statement("ListUserFiles", List.of("s3:ListBucket"), List.of(bucketArn()));
            ArrayNode prefixes = s.putObject("Condition").putObject("StringLike").putArray("s3:prefix");
            prefixes.add(uploads + "*");
            prefixes.add(patterns + "*");
            if (perms.contains("pairing-state")) {
                // Listing is what makes S3 answer 404, not 403, for a pairing record that is not there.
                prefixes.add("pairings/*");
            }
            statements.add(s);
        }
        if (perms.contains("pairing-state")) {
            statements.add(statement("PairingState", List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"),
                    List.of(bucketArn() + "/pairings/*")));
        }
        objectStatement(statements, perms, "post-uploads", "PostUploads", "s3:PutObject", uploads);
        objectStatement(statements, perms, "delete-uploads", "DeleteUploads", "s3:DeleteObject", uploads);
        objectStatement(statements, perms, "read-patterns", "ReadPatterns", "s3:GetObject", patterns);
        objectStatement(statements, perms, "delete-patterns", "DeletePatterns", "s3:DeleteObject", patterns);
        if (perms.contains("write-logs")) {
            String group = "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/lambda/"
                    + webFunctionName(g);
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
            statements.add(statement("WriteEndpointLogs", List.of("logs:CreateLogGroup", "logs:CreateLogStream",
                    "logs:PutLogEvents", "logs:DescribeLogStreams"), List.of(
                    "arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:/aws/sagemaker/Endpoints/"
                            + g.endpoint().name() + ":*")));
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
