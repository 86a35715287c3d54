package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ec2inventory.local.lambda.ConsoleLambdaLogger;
import dev.ec2inventory.local.lambda.LocalContext;
import java.time.Duration;
import java.time.Instant;

/** The Lambda context of one test invocation: the local runner's, with a request id the tests can look for. */
final class TestContext {

    static final String AWS_REQUEST_ID = "8f5d6c1e-0d0b-4a9c-9b7e-2f3c1a4b5d6e";
    private static final Duration TIMEOUT = Duration.ofSeconds(25);

    private TestContext() {
    }

    static Context create() {
        return new LocalContext(AWS_REQUEST_ID, "ec2-inventory-test", 1024, Instant.now().plus(TIMEOUT),
                new ConsoleLambdaLogger("ec2-inventory-test", System.out::println));
    }
}
