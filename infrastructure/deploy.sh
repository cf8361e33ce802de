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
NAME=cuddlies
BUCKET=${BUCKET:-${NAME}-${ACCOUNT}-${REGION}}
ENDPOINT=cuddlies-outline
FUNCTION=cuddlies-skill
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

echo "1/6 picture bucket s3://$BUCKET (encrypted, private, TLS only, uploads expire after 1 day)"
if [ "$REGION" = us-east-1 ]; then aws s3api create-bucket --bucket "$BUCKET" >/dev/null
else aws s3api create-bucket --bucket "$BUCKET" --create-bucket-configuration LocationConstraint="$REGION" >/dev/null; fi
aws s3api put-public-access-block --bucket "$BUCKET" --public-access-block-configuration \
  BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true
aws s3api put-bucket-encryption --bucket "$BUCKET" --server-side-encryption-configuration \
  '{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"AES256"}}]}'
aws s3api put-bucket-lifecycle-configuration --bucket "$BUCKET" --lifecycle-configuration '{"Rules":[{"ID":"ExpireUploadedPictures","Status":"Enabled","Filter":{"Prefix":"uploads/"},"Expiration":{"Days":1}}]}'
cat > "$TMP/bucket-policy.json" <<JSON
{
  "Version" : "2012-10-17",
  "Statement" : [ {
    "Sid" : "DenyInsecureTransport",
    "Effect" : "Deny",
    "Principal" : "*",
    "Action" : "s3:*",
    "Resource" : [ "arn:aws:s3:::${BUCKET}", "arn:aws:s3:::${BUCKET}/*" ],
    "Condition" : {
      "Bool" : {
        "aws:SecureTransport" : "false"
      }
    }
  } ]
}
JSON
aws s3api put-bucket-policy --bucket "$BUCKET" --policy "file://$TMP/bucket-policy.json"

echo "2/6 user-key secret"
SECRET_ARN=$(aws secretsmanager describe-secret --secret-id "$NAME/user-key" --query ARN --output text 2>/dev/null || \
  aws secretsmanager create-secret --name "$NAME/user-key" --secret-string \
    "$(aws secretsmanager get-random-password --password-length 48 --exclude-punctuation --query RandomPassword --output text)" \
    --query ARN --output text)
UserKeySecret=$SECRET_ARN

echo "3/6 roles (least privilege)"
aws iam create-role --role-name cuddlies-outline-model --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"sagemaker.amazonaws.com"},"Action":"sts:AssumeRole"}]}' >/dev/null 2>&1 || true
cat > "$TMP/outline-model.json" <<JSON
{
  "Version" : "2012-10-17",
  "Statement" : [ {
    "Sid" : "ReadModelArtifact",
    "Effect" : "Allow",
    "Action" : [ "s3:GetObject" ],
    "Resource" : [ "arn:aws:s3:::cuddlies-models-123456789012-us-east-1/outline/0.1.0/model.tar.gz" ]
  }, {
    "Sid" : "EcrAuthorizationTokenHasNoResourceLevelPermissions",
    "Effect" : "Allow",
    "Action" : [ "ecr:GetAuthorizationToken" ],
    "Resource" : [ "*" ]
  }, {
    "Sid" : "PullModelImage",
    "Effect" : "Allow",
    "Action" : [ "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability" ],
    "Resource" : [ "arn:aws:ecr:${REGION}:${ACCOUNT}:repository/cuddlies-outline" ]
  }, {
    "Sid" : "WriteEndpointLogs",
    "Effect" : "Allow",
    "Action" : [ "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams" ],
    "Resource" : [ "arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/sagemaker/Endpoints/cuddlies-outline:*" ]
  } ]
}
JSON
aws iam put-role-policy --role-name cuddlies-outline-model --policy-name outline-model --policy-document "file://$TMP/outline-model.json"
ROLE_outline_model=$(aws iam get-role --role-name cuddlies-outline-model --query Role.Arn --output text)
aws iam create-role --role-name cuddlies-skill --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}' >/dev/null 2>&1 || true
cat > "$TMP/skill.json" <<JSON
{
  "Version" : "2012-10-17",
  "Statement" : [ {
    "Sid" : "ListOwnPrefixes",
    "Effect" : "Allow",
    "Action" : [ "s3:ListBucket" ],
    "Resource" : [ "arn:aws:s3:::${BUCKET}" ],
    "Condition" : {
      "StringLike" : {
        "s3:prefix" : [ "uploads/*", "patterns/*" ]
      }
    }
  }, {
    "Sid" : "ReadUploads",
    "Effect" : "Allow",
    "Action" : [ "s3:GetObject" ],
    "Resource" : [ "arn:aws:s3:::${BUCKET}/uploads/*" ]
  }, {
    "Sid" : "DeleteUploads",
    "Effect" : "Allow",
    "Action" : [ "s3:DeleteObject" ],
    "Resource" : [ "arn:aws:s3:::${BUCKET}/uploads/*" ]
  }, {
    "Sid" : "WritePatterns",
    "Effect" : "Allow",
    "Action" : [ "s3:PutObject", "s3:DeleteObject" ],
    "Resource" : [ "arn:aws:s3:::${BUCKET}/patterns/*" ]
  }, {
    "Sid" : "ReadPatterns",
    "Effect" : "Allow",
    "Action" : [ "s3:GetObject" ],
    "Resource" : [ "arn:aws:s3:::${BUCKET}/patterns/*" ]
  }, {
    "Sid" : "WarmthState",
    "Effect" : "Allow",
    "Action" : [ "s3:GetObject", "s3:PutObject", "s3:DeleteObject" ],
    "Resource" : [ "arn:aws:s3:::${BUCKET}/warmth/*" ]
  }, {
    "Sid" : "InvokeOutlineEndpoint",
    "Effect" : "Allow",
    "Action" : [ "sagemaker:InvokeEndpoint" ],
    "Resource" : [ "arn:aws:sagemaker:${REGION}:${ACCOUNT}:endpoint/cuddlies-outline" ]
  }, {
    "Sid" : "ReadOwnSecrets",
    "Effect" : "Allow",
    "Action" : [ "secretsmanager:GetSecretValue" ],
    "Resource" : [ "${UserKeySecret}", "arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:cuddlies/ewelink/app-secret-??????", "arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:cuddlies/ewelink/access-token-??????", "arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:cuddlies/ewelink/refresh-token-??????" ]
  }, {
    "Sid" : "ReadOwnParameters",
    "Effect" : "Allow",
    "Action" : [ "ssm:GetParameter" ],
    "Resource" : [ "arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/cuddlies/ewelink/app-id" ]
  }, {
    "Sid" : "WriteOwnLogs",
    "Effect" : "Allow",
    "Action" : [ "logs:CreateLogStream", "logs:PutLogEvents" ],
    "Resource" : [ "arn:aws:logs:${REGION}:${ACCOUNT}:log-group:/aws/lambda/cuddlies-*:*" ]
  } ]
}
JSON
aws iam put-role-policy --role-name cuddlies-skill --policy-name skill --policy-document "file://$TMP/skill.json"
ROLE_skill=$(aws iam get-role --role-name cuddlies-skill --query Role.Arn --output text)
sleep 10 # IAM roles take a moment to reach SageMaker and Lambda

echo "4/6 SageMaker model, endpoint config and endpoint $ENDPOINT"
aws sagemaker create-model --model-name "$NAME-outline" --execution-role-arn "$ROLE_outline_model" \
  --primary-container Image=123456789012.dkr.ecr.us-east-1.amazonaws.com/cuddlies-outline:0.1.0,ModelDataUrl=s3://cuddlies-models-123456789012-us-east-1/outline/0.1.0/model.tar.gz
aws sagemaker create-endpoint-config --endpoint-config-name "$ENDPOINT-config" --production-variants "[{\"VariantName\":\"AllTraffic\",\"ModelName\":\"$NAME-outline\",\"ServerlessConfig\":{\"MemorySizeInMB\":2048,\"MaxConcurrency\":5}}]"
aws sagemaker create-endpoint --endpoint-name "$ENDPOINT" --endpoint-config-name "$ENDPOINT-config"
aws sagemaker wait endpoint-in-service --endpoint-name "$ENDPOINT"

echo "5/6 Lambda $FUNCTION (SnapStart on published versions) and Alexa's permission"
aws s3 cp lambda/target/cuddlies.jar "s3://$CODE_BUCKET/$NAME/cuddlies.jar"
aws logs create-log-group --log-group-name "/aws/lambda/$FUNCTION" 2>/dev/null || true
aws logs put-retention-policy --log-group-name "/aws/lambda/$FUNCTION" --retention-in-days 30
json() { printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g'; }
USER_KEY=$(aws secretsmanager get-secret-value --secret-id "$SECRET_ARN" --query SecretString --output text)
SECRET_0=$(aws ssm get-parameter --with-decryption --name '/cuddlies/ewelink/app-id' --query Parameter.Value --output text)
SECRET_1=$(aws secretsmanager get-secret-value --secret-id 'cuddlies/ewelink/app-secret' --query SecretString --output text)
SECRET_2=$(aws secretsmanager get-secret-value --secret-id 'cuddlies/ewelink/access-token' --query SecretString --output text)
SECRET_3=$(aws secretsmanager get-secret-value --secret-id 'cuddlies/ewelink/refresh-token' --query SecretString --output text)
cat > "$TMP/environment.json" <<JSON
{"Variables":{"CUDDLIES_SKILL_ID":"$SKILL_ID","CUDDLIES_BUCKET":"$BUCKET","CUDDLIES_OUTLINE_ENDPOINT":"$ENDPOINT","CUDDLIES_USER_KEY_SECRET":"$(json "$USER_KEY")","CUDDLIES_SWITCH_DRIVER":"ewelink","CUDDLIES_EWELINK_REGION":"eu","CUDDLIES_EWELINK_DEVICE_ID":"1000a1b2c3","CUDDLIES_EWELINK_APP_ID":"$(json "$SECRET_0")","CUDDLIES_EWELINK_APP_SECRET":"$(json "$SECRET_1")","CUDDLIES_EWELINK_ACCESS_TOKEN":"$(json "$SECRET_2")","CUDDLIES_EWELINK_REFRESH_TOKEN":"$(json "$SECRET_3")","JAVA_TOOL_OPTIONS":"-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -Djava.awt.headless=true"}}
JSON
aws lambda create-function --function-name "$FUNCTION" --runtime java17 --handler dev.cuddlies.skill.CuddliesStreamHandler::handleRequest \
  --role "$ROLE_skill" --code S3Bucket="$CODE_BUCKET",S3Key="$NAME/cuddlies.jar" \
  --memory-size 1536 --timeout 10 --snap-start ApplyOn=PublishedVersions \
  --environment "file://$TMP/environment.json" >/dev/null
aws lambda wait function-active-v2 --function-name "$FUNCTION"
VERSION=$(aws lambda publish-version --function-name "$FUNCTION" --query Version --output text)
aws lambda create-alias --function-name "$FUNCTION" --name live --function-version "$VERSION" >/dev/null
aws lambda add-permission --function-name "$FUNCTION:live" --statement-id alexa-skill \
  --action lambda:InvokeFunction --principal alexa-appkit.amazon.com --event-source-token "$SKILL_ID" >/dev/null

echo "6/6 warmth control loop"
aws lambda create-function --function-name "$NAME-warmth-tick" --runtime java17 --handler dev.cuddlies.warmth.WarmthTickHandler::handleRequest --role "$ROLE_skill" \
  --code S3Bucket="$CODE_BUCKET",S3Key="$NAME/cuddlies.jar" --memory-size 1536 --timeout 30 --environment "file://$TMP/environment.json" >/dev/null
RULE_ARN=$(aws events put-rule --name "$NAME-warmth-tick" --schedule-expression 'rate(1 minute)' --query RuleArn --output text)
aws lambda add-permission --function-name "$NAME-warmth-tick" --statement-id schedule --action lambda:InvokeFunction \
  --principal events.amazonaws.com --source-arn "$RULE_ARN" >/dev/null
aws events put-targets --rule "$NAME-warmth-tick" --targets "Id=warmth-tick,Arn=arn:aws:lambda:$REGION:$ACCOUNT:function:$NAME-warmth-tick" >/dev/null

echo "SkillEndpoint: arn:aws:lambda:$REGION:$ACCOUNT:function:$FUNCTION:live"
echo "Set it as the skill's endpoint in the Alexa developer console (or skill.json), then test there."

# Batch runs (Batch Transform) with the same model, for example over a folder of pictures:
# aws sagemaker create-transform-job --transform-job-name "$NAME-batch-$(date +%s)" --model-name "$NAME-outline" \
#   --transform-input '{"DataSource":{"S3DataSource":{"S3DataType":"S3Prefix","S3Uri":"s3://'$BUCKET'/batch/in/"}},"ContentType":"application/x-image","SplitType":"None"}' \
#   --transform-output '{"S3OutputPath":"s3://'$BUCKET'/batch/out/","Accept":"application/json"}' \
#   --transform-resources '{"InstanceType":"ml.m5.large","InstanceCount":1}'
