#!/usr/bin/env bash
# Deploys the package that package_api.sh made, creating or updating the API stack, and prints its
# outputs (ApiEndpoint is the URL to call).
#   ./deploy_scripts/deploy_api.sh config-dev
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"
load_environment "$@"

cd "$project_root"
[[ -f .aws-sam/packaged.yaml ]] || die "nothing packaged yet: run ./deploy_scripts/package_api.sh $1 first"
stack_exists "$rds_stack_name" || die "database stack $rds_stack_name not found: run ./deploy_scripts/deploy_rds.sh $1 first"

sam deploy \
    --template-file .aws-sam/packaged.yaml \
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
        LogRetentionInDays="$log_retention_days"
print_stack_outputs "$api_stack_name"
