#!/usr/bin/env bash
# Applies the Flyway migrations in db/migration to the deployed database, through the Data API (the
# same way the functions reach it): no network path to the cluster is needed. Replaces the seed's
# create_schema.sh. Running it again applies only migrations that are new.
#   ./deploy_scripts/migrate.sh config-dev
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"
load_environment "$@"

resource_arn=$(stack_output "$rds_stack_name" DatabaseClusterArn)
secret_arn=$(stack_output "$rds_stack_name" DatabaseSecretArn)
database=$(stack_output "$rds_stack_name" DatabaseName)

echo "Migrating database $database of $resource_arn"
cd "$project_root"
# The local runner's migrate subcommand; with no --endpoint it calls the real Data API in --region,
# with the credentials of the AWS SDK's default chain (AWS_PROFILE from the configuration, if set).
mvn -q -Plocal test-compile exec:java -Dexec.args="migrate --resource-arn $resource_arn --secret-arn $secret_arn --database $database --region $AWS_REGION"
