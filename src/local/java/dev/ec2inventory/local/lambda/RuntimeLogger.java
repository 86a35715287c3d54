package dev.ec2inventory.local.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import java.lang.reflect.Field;

/**
 * Points {@link LambdaRuntime#getLogger()} at the runner's console. On Lambda the runtime interface client sets that
 * same private field to the logger it streams to CloudWatch; functions that log during init, before any
 * {@code Context} exists, log through it.
 */
final class RuntimeLogger {

    private RuntimeLogger() {
    }

    static void install(LambdaLogger logger) {
        try {
            Field field = LambdaRuntime.class.getDeclaredField("logger");
            field.setAccessible(true);
            field.set(null, logger);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot install the console as the Lambda runtime's logger", e);
        }
    }
}
