#!/usr/bin/env bash
# Runs the deployed schema migration again, outside a deployment: invokes the API stack's SchemaMigrationFunction
# with a CloudFormation Update event that has no ResponseURL to answer, and prints its answer. Every deployment
# already migrates (deploy_api.sh); use this after fixing a failed migration by hand, or to check the schema.
#   ./deploy_scripts/migrate.sh config-dev
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"
load_environment "$@"

function_name=$(aws cloudformation describe-stack-resource --stack-name "$api_stack_name" \
    --logical-resource-id SchemaMigrationFunction \
    --query 'StackResourceDetail.PhysicalResourceId' --output text) \
    || die "stack $api_stack_name has no SchemaMigrationFunction: run ./deploy_scripts/deploy_api.sh $1 first"
physical_id=$(aws cloudformation describe-stack-resource --stack-name "$api_stack_name" \
    --logical-resource-id InventorySchema \
    --query 'StackResourceDetail.PhysicalResourceId' --output text)

# Powertools PUTs its answer to the event's ResponseURL. There is no CloudFormation to answer here, so the URL
# names a closed port: the PUT fails at once (the function logs that), and the answer (status, reason) is also the
# function's own result, which is what this prints.
event=$(printf '{"RequestType":"Update","ResponseURL":"http://127.0.0.1:9/unused","StackId":"%s","RequestId":"migrate-sh-%s","ResourceType":"Custom::InventorySchema","LogicalResourceId":"InventorySchema","PhysicalResourceId":"%s","ResourceProperties":{}}' \
    "$api_stack_name" "$(date +%s)" "$physical_id")

echo "Invoking $function_name (a migration runs at most once at a time: a second one is throttled)"
answer_file=$(mktemp)
trap 'rm -f "$answer_file"' EXIT
aws lambda invoke --function-name "$function_name" --cli-binary-format raw-in-base64-out \
    --cli-read-timeout 960 --payload "$event" "$answer_file" >/dev/null
cat "$answer_file"
echo
grep -q '"status":"SUCCESS"' "$answer_file" || die "the migration failed; the reason is above and in the function's log"
