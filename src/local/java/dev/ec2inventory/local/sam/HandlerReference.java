package dev.ec2inventory.local.sam;

/** A Java function's handler, as ImageConfig.Command names it: {@code package.Class::method}. */
public record HandlerReference(String className, String methodName) {

    public static HandlerReference parse(String handler) {
        int separator = handler.indexOf("::");
        if (separator <= 0 || separator + 2 >= handler.length()) {
            throw new IllegalArgumentException(
                    "a Java Handler is written package.Class::method, not '" + handler + "'");
        }
        return new HandlerReference(handler.substring(0, separator), handler.substring(separator + 2));
    }

    @Override
    public String toString() {
        return className + "::" + methodName;
    }
}
