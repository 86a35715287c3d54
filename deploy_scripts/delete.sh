#!/usr/bin/env bash
# Deletes the API stack, then the database stack. Asks before each; the database needs its cluster
# name typed back, because deleting it deletes the inventory data (CloudFormation keeps a final
# snapshot, see database.yaml's DeletionPolicy).
#   ./deploy_scripts/delete.sh config-dev
set -euo pipefail
# shellcheck source=common.sh
source "$(dirname "$0")/common.sh"
load_environment "$@"

# Prints the question and returns the answer read from standard input; no input (CI) answers nothing,
# which every question below takes as no.
ask() {
    local answer=""
    read -r -p "$1 " answer || true
    echo "$answer"
}

delete_stack() {
    echo "Deleting stack $1"
    aws cloudformation delete-stack --stack-name "$1"
    aws cloudformation wait stack-delete-complete --stack-name "$1"
    echo "Deleted stack $1"
}

if stack_exists "$api_stack_name"; then
    [[ $(ask "Delete the API stack $api_stack_name (API, functions, their logs)? [y/N]") == [yY] ]] \
        || die "nothing deleted"
    delete_stack "$api_stack_name"
else
    echo "API stack $api_stack_name not found; nothing to delete there"
fi

stack_exists "$rds_stack_name" || { echo "Database stack $rds_stack_name not found; done"; exit 0; }

cat <<MESSAGE

Deleting the database stack $rds_stack_name deletes cluster $db_cluster_name and the inventory in it.
CloudFormation first takes a final snapshot of the cluster. That snapshot is kept, and billed for its
storage, until you delete it yourself:
    aws rds describe-db-cluster-snapshots --db-cluster-identifier $db_cluster_name --snapshot-type manual
    aws rds delete-db-cluster-snapshot --db-cluster-snapshot-identifier <identifier from the list>
MESSAGE
[[ $(ask "Type the cluster name ($db_cluster_name) to delete it:") == "$db_cluster_name" ]] \
    || die "database stack kept"

protected=$(aws rds describe-db-clusters --db-cluster-identifier "$db_cluster_name" \
    --query 'DBClusters[0].DeletionProtection' --output text)
if [[ $protected == True ]]; then
    echo "Deletion protection is on for $db_cluster_name: CloudFormation cannot delete it as it is."
    [[ $(ask "Turn deletion protection off (updates the stack with DeletionProtection=false)? [y/N]") == [yY] ]] \
        || die "database stack kept, deletion protection still on"
    deploy_database_stack false
fi
delete_stack "$rds_stack_name"
