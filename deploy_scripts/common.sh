# shellcheck shell=bash
# Sourced by the scripts in deploy_scripts/ and tests/: reads an environment's configuration and holds
# the few AWS calls they share. It defines functions only; the scripts decide what runs.

project_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly project_root

die() {
    echo "$(basename "$0"): $*" >&2
    exit 1
}

# Reads <prefix>-env.sh from the project root, e.g. config-dev-env.sh for "config-dev".
load_environment() {
    if [[ $# -ne 1 || -z $1 ]]; then
        echo "usage: $0 <config prefix>    e.g. $0 config-dev (reads config-dev-env.sh)" >&2
        exit 2
    fi
    local config_file="$project_root/$1-env.sh"
    [[ -f $config_file ]] || die "no configuration file $config_file"
    # shellcheck source=../config-dev-env.sh
    source "$config_file"

    local unfilled
    unfilled=$(grep -n '="<FILL IN' "$config_file" || true)
    if [[ -n $unfilled ]]; then
        die "fill in these values of $config_file first:"$'\n'"$unfilled"
    fi

    # The AWS CLI, SAM CLI and the AWS SDK (migrate runner, test suite) all read these.
    export AWS_REGION="$aws_region" AWS_DEFAULT_REGION="$aws_region"
    if [[ -n $aws_profile ]]; then
        export AWS_PROFILE="$aws_profile"
    fi
}

stack_exists() {
    aws cloudformation describe-stacks --stack-name "$1" >/dev/null 2>&1
}

# Prints one output value of a stack; fails when the stack or the output does not exist.
stack_output() {
    local stack=$1 key=$2 value
    value=$(aws cloudformation describe-stacks --stack-name "$stack" \
        --query "Stacks[0].Outputs[?OutputKey=='$key'].OutputValue" --output text) \
        || die "cannot read stack $stack (deployed in $AWS_REGION?)"
    [[ -n $value && $value != None ]] || die "stack $stack has no output $key"
    echo "$value"
}

print_stack_outputs() {
    aws cloudformation describe-stacks --stack-name "$1" --query 'Stacks[0].Outputs' --output table
}

# Creates or updates the database stack and waits for CloudFormation to finish.
deploy_database_stack() {
    local deletion_protection=$1
    aws cloudformation deploy \
        --template-file "$project_root/deploy_scripts/database.yaml" \
        --stack-name "$rds_stack_name" \
        --no-fail-on-empty-changeset \
        --parameter-overrides \
            DatabaseName="$db_name" \
            DBClusterName="$db_cluster_name" \
            DBMasterUserName="$db_master_username" \
            EngineVersion="$db_engine_version" \
            MaxCapacity="$db_max_capacity" \
            SecondsUntilAutoPause="$db_seconds_until_auto_pause" \
            DeletionProtection="$deletion_protection" \
            VpcId="$db_vpc_id" \
            DBSubnetIds="$db_subnet_ids"
}
