package dev.ec2inventory.local.aot;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The training run's one handler: the runtime interface client serves one handler per process, and the AOT cache is
 * written by one process, so this hands each event to the function its invoked ARN names. Each function's handler is
 * built as Lambda builds it, through its public no-arg constructor, and answers through its stream entry point.
 *
 * <p>This class is loaded from the task root by the client's own class loader and is not cached; the handlers it
 * builds come from the application class path, and are.
 */
public final class TrainingRouter implements RequestStreamHandler {

    private final Map<String, RequestStreamHandler> handlers = new ConcurrentHashMap<>();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String arn = context.getInvokedFunctionArn();
        String function = arn.substring(arn.lastIndexOf(':') + 1);
        handlers.computeIfAbsent(function, TrainingRouter::build).handleRequest(input, output, context);
    }

    private static RequestStreamHandler build(String function) {
        String handler = SampleInvocations.HANDLERS.get(function);
        if (handler == null) {
            throw new IllegalArgumentException("no function named " + function + " is trained");
        }
        try {
            return (RequestStreamHandler) Class.forName(handler, true, ClassLoader.getSystemClassLoader())
                    .getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            Throwable cause = e instanceof InvocationTargetException thrown ? thrown.getCause() : e;
            throw new IllegalStateException("cannot build " + handler, cause);
        }
    }
}
