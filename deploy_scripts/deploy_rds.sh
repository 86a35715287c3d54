#!/usr/bin/env bash
# Creates or updates the database stack (Aurora MySQL Serverless v2 with the Data API) and waits
# until CloudFormation reports it complete; a new cluster takes several minutes.
#   ./deploy_scripts/deploy_rds.sh config-dev
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"
load_environment "$@"

echo "Deploying database stack $rds_stack_name in $AWS_REGION"
deploy_database_stack "$db_deletion_protection"
print_stack_outputs "$rds_stack_name"
