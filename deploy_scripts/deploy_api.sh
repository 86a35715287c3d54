#!/usr/bin/env bash
# Builds the functions, uploads the package and creates or updates the API stack, then prints its outputs
# (ApiEndpoint is the URL to call). The schema migration runs inside the deployment: the stack's InventorySchema
# custom resource runs SchemaMigrationFunction (Flyway through the Data API) before the API functions' new code
# serves, and a failed migration fails and rolls back the deployment.
#   ./deploy_scripts/deploy_api.sh config-dev
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"
load_environment "$@"

cd "$project_root"
stack_exists "$rds_stack_name" || die "database stack $rds_stack_name not found: run ./deploy_scripts/deploy_rds.sh $1 first"

# sam build's Maven workflow runs `mvn clean install` and then copies target/classes and the runtime
# dependencies. skipTests keeps the test suite, and the database it needs, out of packaging: run it
# with `mvn verify` (CI does). As a JVM property it needs its value: a bare -DskipTests is "", false.
MAVEN_OPTS="${MAVEN_OPTS:-} -DskipTests=true" sam build --template-file template.yaml

# The build writes a hash of db/migration into the artifact; a new hash is an Update of InventorySchema.
schema_hash_file=.aws-sam/build/SchemaMigrationFunction/db/schema-version.sha256
[[ -s $schema_hash_file ]] || die "the build wrote no $schema_hash_file"
schema_version_hash=$(<"$schema_hash_file")

sam deploy \
    --template-file .aws-sam/build/template.yaml \
    --stack-name "$api_stack_name" \
    --s3-bucket "$s3_bucket_deployment_artifacts" \
    --s3-prefix "$api_stack_name" \
    --capabilities CAPABILITY_IAM \
    --no-fail-on-empty-changeset \
    --parameter-overrides \
        DatabaseStackName="$rds_stack_name" \
        ApiStageName="$api_stage_name" \
        ApiAuth="$api_auth" \
        LogLevel="$log_level" \
        SystemLogLevel="$system_log_level" \
        LogRetentionInDays="$log_retention_days" \
        SchemaVersionHash="$schema_version_hash"
print_stack_outputs "$api_stack_name"
