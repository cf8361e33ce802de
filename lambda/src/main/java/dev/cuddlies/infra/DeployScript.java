package dev.cuddlies.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * The same stack as plain AWS CLI calls ({@code infrastructure/deploy.sh}), for makers who do not use
 * the ASK CLI: the policies are the template's, with the CloudFormation placeholders turned into
 * shell variables.
 */
public final class DeployScript {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeployScript() {
    }

    public static String render(Genome g) {
        String fn = Policies.functionName(g);
        StringBuilder s = new StringBuilder();
        s.append("""
                #!/usr/bin/env bash
                # Generated from infrastructure/taskoid.json by `java -jar lambda/target/cuddlies.jar infra`.
                # Do not edit: change the genome and transcribe again (a test fails when they drift).
                #
                # The Cuddlies stack as plain AWS CLI calls. Usage:
                #   SKILL_ID=amzn1.ask.skill.... CODE_BUCKET=my-code-bucket infrastructure/deploy.sh
                # Needs: aws (v2), credentials for the target account, lambda/target/cuddlies.jar built,
                # the model image pushed to ECR and model.tar.gz uploaded (see README, "Deploy").
                set -euo pipefail
                : "${SKILL_ID:?set SKILL_ID to your Alexa skill id}"
                : "${CODE_BUCKET:?set CODE_BUCKET to a bucket for the Lambda code}"
                REGION=${AWS_REGION:-$(aws configure get region)}
                ACCOUNT=$(aws sts get-caller-identity --query Account --output text)
                """);
        s.append("NAME=").append(g.name()).append('\n');
        s.append("BUCKET=${BUCKET:-${NAME}-${ACCOUNT}-${REGION}}\n");
        s.append("ENDPOINT=").append(g.endpoint().name()).append('\n');
        s.append("FUNCTION=").append(fn).append('\n');
        s.append("TMP=$(mktemp -d)\ntrap 'rm -rf \"$TMP\"' EXIT\n\n");

        s.append("echo \"1/6 picture bucket s3://$BUCKET (encrypted, private, TLS only, uploads expire after ")
                .append(g.inputData().uploadRetentionDays()).append(" day)\"\n");
        s.append("""
                if [ "$REGION" = us-east-1 ]; then aws s3api create-bucket --bucket "$BUCKET" >/dev/null
                else aws s3api create-bucket --bucket "$BUCKET" --create-bucket-configuration LocationConstraint="$REGION" >/dev/null; fi
                aws s3api put-public-access-block --bucket "$BUCKET" --public-access-block-configuration \\
                  BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true
                aws s3api put-bucket-encryption --bucket "$BUCKET" --server-side-encryption-configuration \\
                  '{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"AES256"}}]}'
                """);
        ObjectNode lifecycle = JSON.createObjectNode();
        var rules = lifecycle.putArray("Rules");
        ObjectNode rule = rules.addObject().put("ID", "ExpireUploadedPictures").put("Status", "Enabled");
        rule.putObject("Filter").put("Prefix", g.inputData().uploadPrefix());
        rule.putObject("Expiration").put("Days", g.inputData().uploadRetentionDays());
        s.append("aws s3api put-bucket-lifecycle-configuration --bucket \"$BUCKET\" --lifecycle-configuration '")
                .append(lifecycle).append("'\n");
        s.append("cat > \"$TMP/bucket-policy.json\" <<JSON\n").append(shell(JSON.createObjectNode()
                .put("Version", "2012-10-17").set("Statement", JSON.createArrayNode().add(JSON.createObjectNode()
                        .put("Sid", "DenyInsecureTransport").put("Effect", "Deny").put("Principal", "*").put("Action", "s3:*")
                        .<ObjectNode>set("Resource", JSON.createArrayNode().add(Policies.bucketArn()).add(Policies.bucketArn() + "/*"))
                        .set("Condition", JSON.createObjectNode().set("Bool", JSON.createObjectNode().put("aws:SecureTransport", "false")))))))
                .append("\nJSON\n");
        s.append("aws s3api put-bucket-policy --bucket \"$BUCKET\" --policy \"file://$TMP/bucket-policy.json\"\n\n");

        s.append("echo \"2/6 user-key secret\"\n");
        s.append("""
                SECRET_ARN=$(aws secretsmanager describe-secret --secret-id "$NAME/user-key" --query ARN --output text 2>/dev/null || \\
                  aws secretsmanager create-secret --name "$NAME/user-key" --secret-string \\
                    "$(aws secretsmanager get-random-password --password-length 48 --exclude-punctuation --query RandomPassword --output text)" \\
                    --query ARN --output text)
                UserKeySecret=$SECRET_ARN

                """);

        s.append("echo \"3/6 roles (least privilege)\"\n");
        role(s, "outline-model", g.name() + "-outline-model", "sagemaker.amazonaws.com", Policies.sagemaker(g));
        role(s, "skill", g.name() + "-skill", "lambda.amazonaws.com", Policies.lambda(g));
        s.append("sleep 10 # IAM roles take a moment to reach SageMaker and Lambda\n\n");

        s.append("echo \"4/6 SageMaker model, endpoint config and endpoint $ENDPOINT\"\n");
        s.append("aws sagemaker create-model --model-name \"$NAME-outline\" --execution-role-arn \"$ROLE_outline_model\" \\\n")
                .append("  --primary-container Image=").append(g.model().image()).append(",ModelDataUrl=")
                .append(g.model().artifactUri()).append('\n');
        ObjectNode variant = JSON.createObjectNode().put("VariantName", "AllTraffic").put("ModelName", "$NAME-outline");
        if (g.endpoint().serverless()) {
            variant.putObject("ServerlessConfig").put("MemorySizeInMB", g.endpoint().serverlessMemoryMb().orElseThrow())
                    .put("MaxConcurrency", g.endpoint().serverlessMaxConcurrency().orElseThrow());
        } else {
            variant.put("InstanceType", g.endpoint().instanceType().orElseThrow())
                    .put("InitialInstanceCount", g.endpoint().instanceCount().orElseThrow());
        }
        s.append("aws sagemaker create-endpoint-config --endpoint-config-name \"$ENDPOINT-config\" --production-variants \"")
                .append(JSON.createArrayNode().add(variant).toString().replace("\"", "\\\"")).append("\"\n");
        s.append("aws sagemaker create-endpoint --endpoint-name \"$ENDPOINT\" --endpoint-config-name \"$ENDPOINT-config\"\n");
        s.append("aws sagemaker wait endpoint-in-service --endpoint-name \"$ENDPOINT\"\n\n");

        s.append("echo \"5/6 Lambda $FUNCTION (SnapStart on published versions) and Alexa's permission\"\n");
        s.append("aws s3 cp lambda/target/cuddlies.jar \"s3://$CODE_BUCKET/$NAME/cuddlies.jar\"\n");
        s.append("aws logs create-log-group --log-group-name \"/aws/lambda/$FUNCTION\" 2>/dev/null || true\n");
        s.append("aws logs put-retention-policy --log-group-name \"/aws/lambda/$FUNCTION\" --retention-in-days 30\n");
        s.append(environment(g));
        s.append("aws lambda create-function --function-name \"$FUNCTION\" --runtime ").append(g.lambda().runtime())
                .append(" --handler ").append(SkillStack.HANDLER).append(" \\\n")
                .append("  --role \"$ROLE_skill\" --code S3Bucket=\"$CODE_BUCKET\",S3Key=\"$NAME/cuddlies.jar\" \\\n")
                .append("  --memory-size ").append(g.lambda().memoryMb()).append(" --timeout ").append(g.lambda().timeoutSeconds())
                .append(g.lambda().snapStart() ? " --snap-start ApplyOn=PublishedVersions" : "")
                .append(" \\\n  --environment \"file://$TMP/environment.json\" >/dev/null\n");
        s.append("aws lambda wait function-active-v2 --function-name \"$FUNCTION\"\n");
        s.append("VERSION=$(aws lambda publish-version --function-name \"$FUNCTION\" --query Version --output text)\n");
        s.append("aws lambda create-alias --function-name \"$FUNCTION\" --name live --function-version \"$VERSION\" >/dev/null\n");
        s.append("aws lambda add-permission --function-name \"$FUNCTION:live\" --statement-id alexa-skill \\\n")
                .append("  --action lambda:InvokeFunction --principal alexa-appkit.amazon.com --event-source-token \"$SKILL_ID\" >/dev/null\n\n");

        s.append("echo \"6/6 warmth control loop\"\n");
        if (SkillStack.needsControlLoop(g)) {
            s.append("aws lambda create-function --function-name \"$NAME-warmth-tick\" --runtime ").append(g.lambda().runtime())
                    .append(" --handler ").append(SkillStack.TICK_HANDLER).append(" --role \"$ROLE_skill\" \\\n")
                    .append("  --code S3Bucket=\"$CODE_BUCKET\",S3Key=\"$NAME/cuddlies.jar\" --memory-size ").append(g.lambda().memoryMb())
                    .append(" --timeout 30 --environment \"file://$TMP/environment.json\" >/dev/null\n");
            s.append("RULE_ARN=$(aws events put-rule --name \"$NAME-warmth-tick\" --schedule-expression 'rate(1 minute)' --query RuleArn --output text)\n");
            s.append("aws lambda add-permission --function-name \"$NAME-warmth-tick\" --statement-id schedule --action lambda:InvokeFunction \\\n")
                    .append("  --principal events.amazonaws.com --source-arn \"$RULE_ARN\" >/dev/null\n");
            s.append("aws events put-targets --rule \"$NAME-warmth-tick\" --targets \"Id=warmth-tick,Arn=arn:aws:lambda:$REGION:$ACCOUNT:function:$NAME-warmth-tick\" >/dev/null\n\n");
        } else {
            s.append("echo \"  (not needed for the '").append(g.switches().driver()).append("' switch driver)\"\n\n");
        }
        s.append("echo \"SkillEndpoint: arn:aws:lambda:$REGION:$ACCOUNT:function:$FUNCTION:live\"\n");
        s.append("echo \"Set it as the skill's endpoint in the Alexa developer console (or skill.json), then test there.\"\n\n");
        s.append("# Batch runs (Batch Transform) with the same model, for example over a folder of pictures:\n")
                .append("# aws sagemaker create-transform-job --transform-job-name \"$NAME-batch-$(date +%s)\" --model-name \"$NAME-outline\" \\\n")
                .append("#   --transform-input '{\"DataSource\":{\"S3DataSource\":{\"S3DataType\":\"S3Prefix\",\"S3Uri\":\"s3://'$BUCKET'/batch/in/\"}},")
                .append("\"ContentType\":\"application/x-image\",\"SplitType\":\"None\"}' \\\n")
                .append("#   --transform-output '{\"S3OutputPath\":\"s3://'$BUCKET'/batch/out/\",\"Accept\":\"application/json\"}' \\\n")
                .append("#   --transform-resources '{\"InstanceType\":\"ml.m5.large\",\"InstanceCount\":1}'\n");
        return s.toString();
    }

    private static void role(StringBuilder s, String policyName, String roleName, String service, ObjectNode policy) {
        String var = "ROLE_" + policyName.replace('-', '_');
        s.append("aws iam create-role --role-name ").append(roleName).append(" --assume-role-policy-document '")
                .append(Policies.trust(service)).append("' >/dev/null 2>&1 || true\n");
        s.append("cat > \"$TMP/").append(policyName).append(".json\" <<JSON\n").append(shell(policy)).append("\nJSON\n");
        s.append("aws iam put-role-policy --role-name ").append(roleName).append(" --policy-name ").append(policyName)
                .append(" --policy-document \"file://$TMP/").append(policyName).append(".json\"\n");
        s.append(var).append("=$(aws iam get-role --role-name ").append(roleName).append(" --query Role.Arn --output text)\n");
    }

    /** The Lambda environment as a JSON file; secret references are read from SSM / Secrets Manager now. */
    private static String environment(Genome g) {
        StringBuilder s = new StringBuilder();
        s.append("json() { printf '%s' \"$1\" | sed -e 's/\\\\/\\\\\\\\/g' -e 's/\"/\\\\\"/g'; }\n");
        s.append("USER_KEY=$(aws secretsmanager get-secret-value --secret-id \"$SECRET_ARN\" --query SecretString --output text)\n");
        int i = 0;
        for (Map.Entry<String, String> e : g.switches().secrets().entrySet()) {
            String ref = e.getValue();
            s.append("SECRET_").append(i++).append("=$(").append(ref.startsWith("ssm:")
                    ? "aws ssm get-parameter --with-decryption --name '" + ref.substring(4) + "' --query Parameter.Value --output text"
                    : "aws secretsmanager get-secret-value --secret-id '" + ref.substring("secretsmanager:".length())
                    + "' --query SecretString --output text").append(")\n");
        }
        s.append("cat > \"$TMP/environment.json\" <<JSON\n{\"Variables\":{");
        s.append("\"CUDDLIES_SKILL_ID\":\"$SKILL_ID\",\"CUDDLIES_BUCKET\":\"$BUCKET\",\"CUDDLIES_OUTLINE_ENDPOINT\":\"$ENDPOINT\",");
        s.append("\"CUDDLIES_USER_KEY_SECRET\":\"$(json \"$USER_KEY\")\",\"CUDDLIES_SWITCH_DRIVER\":\"")
                .append(g.switches().driver()).append('"');
        g.switches().settings().forEach((k, v) -> s.append(",\"").append(k).append("\":\"").append(v).append('"'));
        g.switches().tasmotaTopic().ifPresent(t -> s.append(",\"CUDDLIES_TASMOTA_TOPIC\":\"").append(t).append('"'));
        g.switches().iotThing().ifPresent(t -> s.append(",\"CUDDLIES_IOT_THING\":\"").append(t).append('"'));
        i = 0;
        for (String name : g.switches().secrets().keySet()) {
            s.append(",\"").append(name).append("\":\"$(json \"$SECRET_").append(i++).append("\")\"");
        }
        s.append(",\"JAVA_TOOL_OPTIONS\":\"-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -Djava.awt.headless=true\"}}\nJSON\n");
        return s.toString();
    }

    /** CloudFormation placeholders to shell variables: ${AWS::Region} → ${REGION} and so on. */
    static String shell(JsonNode policy) {
        return policy.toPrettyString()
                .replace("${AWS::Partition}", "aws")
                .replace("${AWS::Region}", "${REGION}")
                .replace("${AWS::AccountId}", "${ACCOUNT}")
                .replace("${CuddliesBucket}", "${BUCKET}");
    }
}
