#!/usr/bin/env bash
# Builds the functions with SAM and uploads the package to the configured S3 bucket.
# Writes .aws-sam/packaged.yaml, which deploy_api.sh deploys.
#   ./deploy_scripts/package_api.sh config-dev
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"
load_environment "$@"

cd "$project_root"
# sam build's Maven workflow runs `mvn clean install` and then copies target/classes and the runtime
# dependencies. skipTests keeps the test suite, and the database it needs, out of packaging: run it
# with `mvn verify` (CI does). As a JVM property it needs its value: a bare -DskipTests is "", false.
MAVEN_OPTS="${MAVEN_OPTS:-} -DskipTests=true" sam build --template-file template.yaml
sam package \
    --template-file .aws-sam/build/template.yaml \
    --s3-bucket "$s3_bucket_deployment_artifacts" \
    --s3-prefix "$api_stack_name" \
    --output-template-file .aws-sam/packaged.yaml
echo "Packaged: .aws-sam/packaged.yaml (deploy it with ./deploy_scripts/deploy_api.sh $1)"
