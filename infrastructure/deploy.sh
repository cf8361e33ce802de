#!/usr/bin/env bash
# Deploys the Cuddlies stack with plain AWS CLI calls, for those not using the ASK CLI. The stack is
# described once, in infrastructure/cfn-deployer/skill-stack.yaml (transcribed from taskoid.json by
# `java -jar cli/target/cuddlies.jar infra`); this script only uploads the code and hands that
# template to CloudFormation, so the two ways of deploying cannot drift apart.
#
#   SKILL_ID=amzn1.ask.skill.... CODE_BUCKET=my-code-bucket infrastructure/deploy.sh
#
# Needs: aws (v2), credentials for the target account, `mvn -q -DskipTests package` run first,
# the model image pushed to ECR and model.tar.gz uploaded (see README, "Deploy").
set -euo pipefail
: "${SKILL_ID:?set SKILL_ID to your Alexa skill id}"
: "${CODE_BUCKET:?set CODE_BUCKET to a bucket for the Lambda code (versioning is switched on)}"
cd "$(dirname "$0")/.."
STACK=${STACK:-cuddlies}
JAR=lambda/target/cuddlies-lambda.jar
[ -f "$JAR" ] || { echo "error: $JAR is missing; build first: mvn -q -DskipTests package" >&2; exit 2; }

# The template takes the code's S3 object version, as the ASK CLI's cfn-deployer passes it.
aws s3api put-bucket-versioning --bucket "$CODE_BUCKET" --versioning-configuration Status=Enabled
KEY=$STACK/cuddlies-lambda.jar
VERSION=$(aws s3api put-object --bucket "$CODE_BUCKET" --key "$KEY" --body "$JAR" --query VersionId --output text)

aws cloudformation deploy --stack-name "$STACK" \
  --template-file infrastructure/cfn-deployer/skill-stack.yaml \
  --capabilities CAPABILITY_IAM CAPABILITY_NAMED_IAM \
  --parameter-overrides SkillId="$SKILL_ID" CodeBucket="$CODE_BUCKET" CodeKey="$KEY" CodeVersion="$VERSION"

echo "Skill endpoint (set it in the Alexa developer console, Build > Endpoint):"
aws cloudformation describe-stacks --stack-name "$STACK" \
  --query "Stacks[0].Outputs[?OutputKey=='SkillEndpoint'].OutputValue" --output text
echo "Phone page's function URL (point the genome's web.url domain at it):"
aws cloudformation describe-stacks --stack-name "$STACK" \
  --query "Stacks[0].Outputs[?OutputKey=='WebFunctionUrl'].OutputValue" --output text
