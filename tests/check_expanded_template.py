"""Expands template.yaml offline with SAM's translator and checks what SAM adds, which the template tests cannot see:
no IAM statement grants a wildcard resource except X-Ray's write actions, the API stage is throttled and writes
access logs with the caller's ARN, and no function but the migration reaches the database's master secret, whether
through its environment (Globals merged) or a policy of its role.
  python3 tests/check_expanded_template.py [template.yaml]
"""
import json
import os
import sys

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse

# X-Ray's write actions have no resource to scope to.
XRAY_WRITE = {"xray:PutTraceSegments", "xray:PutTelemetryRecords"}

# Only the migration signs in as master, to change the schema and set up the application user.
MIGRATION_FUNCTION = "SchemaMigrationFunction"
# Searched as text, whichever intrinsic function spells the import; the application user's export does not contain it.
MASTER_SECRET_EXPORT = "-DatabaseSecretArn"
APP_SECRET_EXPORT = "-DatabaseAppSecretArn"


class NoManagedPolicies:
    """A policy name SAM would have to look up in IAM is itself a finding: the template must not use one."""

    def load(self):
        return {}


def as_list(value):
    return value if isinstance(value, list) else [value]


def statements(resource):
    properties = resource.get("Properties", {})
    documents = [properties.get("PolicyDocument", {})]
    documents += [policy.get("PolicyDocument", {}) for policy in properties.get("Policies", [])]
    for document in documents:
        yield from as_list(document.get("Statement", []))


def mentions(value, export):
    return export in json.dumps(value)


def role_of(function):
    role = function["Properties"].get("Role")
    get_att = role.get("Fn::GetAtt") if isinstance(role, dict) else None
    if isinstance(get_att, str):
        get_att = get_att.split(".")
    return get_att[0] if get_att else None


def role_policies(resources, role_id):
    """The policy documents a role holds (inline, the managed ones it lists, those that name it), and the ARNs of
    policies from outside the template, which cannot be read here."""
    role = resources[role_id]["Properties"]
    documents = [policy.get("PolicyDocument", {}) for policy in role.get("Policies", [])]
    unreadable = []
    for arn in role.get("ManagedPolicyArns", []):
        if isinstance(arn, dict) and arn.get("Ref") in resources:
            documents.append(resources[arn["Ref"]]["Properties"].get("PolicyDocument", {}))
        else:
            unreadable.append(arn)
    for resource in resources.values():
        if (resource["Type"] in ("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy")
                and {"Ref": role_id} in resource["Properties"].get("Roles", [])):
            documents.append(resource["Properties"].get("PolicyDocument", {}))
    return documents, unreadable


def secret_problems(resources):
    """No function but the migration reaches the master secret; the migration reaches it and the application user's."""
    problems = []
    functions = {logical_id: resource for logical_id, resource in resources.items()
                 if resource["Type"] == "AWS::Lambda::Function"}
    if MIGRATION_FUNCTION not in functions:
        problems.append(f"no function {MIGRATION_FUNCTION}")
    for logical_id, function in functions.items():
        migration = logical_id == MIGRATION_FUNCTION
        role_id = role_of(function)
        if role_id not in resources:
            problems.append(f"{logical_id}'s role is not in the template, so its policies cannot be read")
            continue
        documents, unreadable = role_policies(resources, role_id)
        problems += [f"{role_id} has a policy from outside the template: {arn}" for arn in unreadable]
        places = {"environment": function["Properties"].get("Environment", {}).get("Variables", {}),
                  "role's policies": documents}
        for place, value in places.items():
            if mentions(value, MASTER_SECRET_EXPORT) != migration:
                problems.append(f"{logical_id} {'lacks' if migration else 'has'} the master secret in its {place}")
            if migration and not mentions(value, APP_SECRET_EXPORT):
                problems.append(f"{logical_id} lacks the application user's secret in its {place}")
    return problems


def main(path):
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")  # SAM asks for one; nothing is called
    with open(path, encoding="utf-8") as template:
        document = yaml_parse(template.read())
    for resource in document["Resources"].values():
        if resource["Type"] == "AWS::Serverless::Function":  # sam build sets the image it pushed
            resource["Properties"].setdefault("ImageUri", "123456789012.dkr.ecr.us-east-1.amazonaws.com/f:latest")
    expanded = transform(document, {}, NoManagedPolicies())
    resources = expanded["Resources"]
    problems = []
    for logical_id, resource in resources.items():
        if resource["Type"] == "AWS::IAM::Role" and resource["Properties"].get("ManagedPolicyArns"):
            for arn in resource["Properties"]["ManagedPolicyArns"]:
                if "iam::aws:policy" in str(arn):
                    problems.append(f"{logical_id} has the AWS managed policy {arn}")
        for statement in statements(resource):
            resources_granted = [str(r) for r in as_list(statement.get("Resource", []))]
            actions = set(as_list(statement.get("Action", [])))
            if any("*" in r for r in resources_granted) and not actions <= XRAY_WRITE:
                problems.append(f"{logical_id} grants {sorted(actions)} on {resources_granted}")
    stages = [r["Properties"] for r in resources.values() if r["Type"] == "AWS::ApiGateway::Stage"]
    if len(stages) != 1:
        problems.append(f"{len(stages)} API stages, expected 1")
    for stage in stages:
        throttled = [s for s in stage.get("MethodSettings", [])
                     if s.get("ResourcePath") == "/*" and s.get("HttpMethod") == "*"
                     and "ThrottlingBurstLimit" in s and "ThrottlingRateLimit" in s]
        if not throttled:
            problems.append("the stage has no throttling on every method")
        log_format = stage.get("AccessLogSetting", {}).get("Format", "")
        for variable in ("$context.identity.userArn", "$context.requestId", "$context.resourcePath",
                         "$context.httpMethod", "$context.status", "$context.responseLatency"):
            if variable not in log_format:
                problems.append(f"the stage's access log format lacks {variable}")
    problems += secret_problems(resources)
    for problem in problems:
        print(f"expanded {path}: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"expanded {path}: wildcard resources only for X-Ray writes; stage throttled, access log has the caller;"
          f" only {MIGRATION_FUNCTION} reaches the master secret")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "template.yaml"))
