#!/usr/bin/env bash
# Runs the HTTP contract suite (contract/HttpContractIT) against a deployed stage, as the seed's
# run_tests.sh did. The endpoint is API_ENDPOINT when set, otherwise the API stack's ApiEndpoint output.
#   ./tests/run_tests.sh config-dev
#   API_ENDPOINT=https://abc123.execute-api.us-east-1.amazonaws.com/dev ./tests/run_tests.sh config-dev
#
# SigV4: with api_auth=AWS_IAM (the default) API Gateway rejects unsigned requests. The suite then signs
# each request for service "execute-api" in AWS_REGION with the caller's credentials: the profile named
# by AWS_PROFILE (exported from the configuration's aws_profile) or the AWS_ACCESS_KEY_ID/... variables,
# which Maven passes on to the test JVM. API_AUTH tells the suite whether to sign. It must build its
# credentials provider from the profile and environment itself, because the build sets the system
# properties aws.accessKeyId/aws.secretAccessKey to "local" for every test JVM, and those come first
# in the SDK's default chain. The caller needs execute-api:Invoke on the API.
set -euo pipefail
# shellcheck source=../deploy_scripts/common.sh
source "$(dirname "$0")/../deploy_scripts/common.sh"
load_environment "$@"

if [[ -z ${API_ENDPOINT:-} ]]; then
    API_ENDPOINT=$(stack_output "$api_stack_name" ApiEndpoint)
fi
export API_ENDPOINT
export API_AUTH="$api_auth"

echo "Running HttpContractIT against $API_ENDPOINT (auth: $API_AUTH)"
cd "$project_root"
mvn -q verify -Dit.test=HttpContractIT
