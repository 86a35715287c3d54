package dev.ec2inventory.local.sam;

/**
 * A CloudFormation intrinsic function as written in a template, in short form ({@code !Ref LogLevel}) or long form
 * ({@code {"Ref": "LogLevel"}}): {@code function} is {@code Ref}, {@code Fn::ImportValue}, {@code Fn::Sub}, …
 */
public record Intrinsic(String function, Object argument) {

    public boolean isRef() {
        return "Ref".equals(function);
    }
}
