package dev.ec2inventory.local.lambda;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** What a function logs goes to the runner's console, one line per call, prefixed with the function's name. */
public record ConsoleLambdaLogger(String functionName, Consumer<String> console) implements LambdaLogger {

    @Override
    public void log(String message) {
        console.accept("[" + functionName + "] " + message.stripTrailing());
    }

    @Override
    public void log(byte[] message) {
        log(new String(message, StandardCharsets.UTF_8));
    }
}
