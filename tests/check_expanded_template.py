"""Expands template.yaml offline with SAM's translator and checks what SAM adds, which the template tests cannot see:
no IAM statement grants a wildcard resource except X-Ray's write actions, and the API stage is throttled and
writes access logs with the caller's ARN.   python3 tests/check_expanded_template.py [template.yaml]
"""
import os
import sys

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse

# X-Ray's write actions have no resource to scope to.
XRAY_WRITE = {"xray:PutTraceSegments", "xray:PutTelemetryRecords"}


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
    for problem in problems:
        print(f"expanded {path}: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"expanded {path}: wildcard resources only for X-Ray writes; stage throttled, access log has the caller")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "template.yaml"))
