#!/usr/bin/env bash
# Builds the functions' container image (its AOT cache trained in the build), pushes it, and creates or updates
# the API stack, then prints its outputs (ApiEndpoint is the URL to call). The schema migration runs inside the
# deployment: the stack's InventorySchema custom resource runs SchemaMigrationFunction (Flyway through the Data API)
# before the API functions' new code serves, and a failed migration fails and rolls back the deployment.
#   ./deploy_scripts/deploy_api.sh config-dev
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"
load_environment "$@"

cd "$project_root"
stack_exists "$rds_stack_name" || die "database stack $rds_stack_name not found: run ./deploy_scripts/deploy_rds.sh $1 first"
# The stage's access log needs the account's API Gateway CloudWatch Logs role in this Region (docs/deploy.md).
api_gateway_logs_role=$(aws apigateway get-account --query cloudWatchRoleArn --output text)
[[ -n $api_gateway_logs_role && $api_gateway_logs_role != None ]] ||
    die "API Gateway has no CloudWatch Logs role in this Region, so the stage cannot write access logs: see docs/deploy.md, \"You need\""

# The functions' jars into target/lambda (the tests run in `mvn verify`, with the database they need), then one
# container image of them for every function: its build trains the AOT cache on the image's own JDK 25, which is
# why sam build needs Docker (Dockerfile). An arm64 image built on an x86_64 machine needs Docker's emulation.
mvn -q -B package -DskipTests
sam build --template-file template.yaml

# The build writes a hash of db/migration beside the classes; a new hash is an Update of InventorySchema.
schema_hash_file=target/classes/db/schema-version.sha256
[[ -s $schema_hash_file ]] || die "the build wrote no $schema_hash_file"
schema_version_hash=$(<"$schema_hash_file")

sam deploy \
    --template-file .aws-sam/build/template.yaml \
    --stack-name "$api_stack_name" \
    --s3-bucket "$s3_bucket_deployment_artifacts" \
    --s3-prefix "$api_stack_name" \
    --resolve-image-repos \
    --capabilities CAPABILITY_IAM \
    --no-fail-on-empty-changeset \
    --parameter-overrides \
        DatabaseStackName="$rds_stack_name" \
        ApiStageName="$api_stage_name" \
        ApiAuth="$api_auth" \
        AllowUnauthenticatedApi="${allow_unauthenticated_api:-no}" \
        LogLevel="$log_level" \
        SystemLogLevel="$system_log_level" \
        LogRetentionInDays="$log_retention_days" \
        SchemaVersionHash="$schema_version_hash"
print_stack_outputs "$api_stack_name"
