# shellcheck shell=bash
# Settings of the "dev" environment. Every script in deploy_scripts/ and tests/run_tests.sh reads this
# file; they take its prefix as their argument:   ./deploy_scripts/deploy_rds.sh config-dev
# For another environment, copy it to config-<name>-env.sh and change env_type and the values below.
#
# ==> Replace every "<FILL IN: ...>" value with one from your AWS account before the first deploy.
#     The scripts refuse to run while one is left.

# ----- AWS account ---------------------------------------------------------------------------------
# Region of both stacks (and of the Data API calls that migrate.sh makes).
export aws_region="<FILL IN: Region, for example us-east-1>"
# Named profile from ~/.aws/config or ~/.aws/credentials. Leave empty to use the default credential
# chain (AWS_ACCESS_KEY_ID..., AWS_PROFILE already set in your shell, SSO, instance role).
export aws_profile=""
# Existing S3 bucket that receives the Lambda packages (aws s3 mb s3://<name> creates one).
export s3_bucket_deployment_artifacts="<FILL IN: S3 bucket name for Lambda packages>"

# ----- Names -----------------------------------------------------------------------------------------
# Prefix of the stack names, so that several environments can share an account and Region.
export env_type="dev"
export app_name="ec2-inv"
export rds_stack_name="${env_type}-${app_name}-database-stack"
export api_stack_name="${env_type}-${app_name}-api-stack"

# ----- Database stack (deploy_scripts/database.yaml) ---------------------------------------------
# Schema name (a-zA-Z0-9_).
export db_name="ec2_inventory_db"
# Aurora cluster identifier (a-z0-9-, lower case: the audit log group is named after it).
export db_cluster_name="${env_type}-aurora-ec2-inventory-cluster"
# Master user; RDS generates its password and keeps it in Secrets Manager. Only the schema migration signs in
# as it: the functions use the user ec2_inventory_app (docs/deploy.md, "Two database users").
export db_master_username="db_user"
# VPC and subnets of the cluster: at least two subnets, in different Availability Zones, of that VPC.
export db_vpc_id="<FILL IN: VPC id, for example vpc-0123456789abcdef0>"
export db_subnet_ids="<FILL IN: comma-separated subnet ids, for example subnet-0aaa...,subnet-0bbb...>"
# Aurora MySQL 3.08 or later (pausing at 0 ACU needs it). 3.10 is a long-term support release.
export db_engine_version="8.0.mysql_aurora.3.10.0"
# Capacity range: the instance pauses at 0 ACU after this many idle seconds (300..86400),
# and scales up to db_max_capacity ACU under load.
export db_seconds_until_auto_pause=900
export db_max_capacity=2
# true: the cluster cannot be deleted until this is turned off (delete.sh offers to do that).
export db_deletion_protection="true"

# ----- API stack (template.yaml) --------------------------------------------------------------------
# API Gateway stage: the first path segment of every URL.
export api_stage_name="dev"
# AWS_IAM: callers sign requests with SigV4 and need execute-api:Invoke on the API.
# NONE: anyone who knows the URL can read and write the inventory (see docs/deploy.md, "Call it"); the
# template refuses it unless allow_unauthenticated_api is "yes" as well.
export api_auth="AWS_IAM"
export allow_unauthenticated_api="no"
# Lambda's log levels of every function: the application's (TRACE, DEBUG, INFO, WARN, ERROR, FATAL) and the
# runtime's own lines (DEBUG, INFO, WARN); the logs are JSON. Then log retention in days.
export log_level="INFO"
export system_log_level="INFO"
export log_retention_days=30
