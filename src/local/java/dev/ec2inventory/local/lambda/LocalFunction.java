package dev.ec2inventory.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import dev.ec2inventory.local.sam.SamFunction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.Consumer;

/**
 * One function of the template, hosted in this JVM the way Lambda hosts it: the {@code Handler} class is built once
 * per execution environment, by a {@link HandlerFactory}, and an environment serves one invocation at a time.
 * Concurrent invocations get environments of their own, created on demand and kept warm.
 */
public final class LocalFunction {

    private final SamFunction definition;
    private final Map<String, String> environment;
    private final Consumer<String> console;
    private final HandlerFactory factory;
    private final Method handlerMethod;
    private final ConcurrentLinkedDeque<Object> warmEnvironments = new ConcurrentLinkedDeque<>();

    private LocalFunction(SamFunction definition, Map<String, String> environment, Consumer<String> console,
                          HandlerFactory factory, Method handlerMethod) {
        this.definition = definition;
        this.environment = Map.copyOf(environment);
        this.console = console;
        this.factory = factory;
        this.handlerMethod = handlerMethod;
    }

    /**
     * Finds the handler class and method the template names, and starts one execution environment so that a
     * broken handler shows up at start rather than at the first request.
     *
     * @param factory     builds the handler class's instances
     * @param environment the function's resolved environment variables, given to the factory
     */
    public static LocalFunction load(SamFunction definition, HandlerFactory factory, Map<String, String> environment,
                                     Consumer<String> console) {
        RuntimeLogger.install(new ConsoleLambdaLogger("lambda", console));
        Class<?> handlerClass = handlerClass(definition);
        LocalFunction function = new LocalFunction(definition, environment, console, factory,
                handlerMethodOf(handlerClass, definition));
        function.warmEnvironments.push(function.newEnvironment());
        return function;
    }

    public SamFunction definition() {
        return definition;
    }

    /** The environment variables the function runs with. */
    public Map<String, String> environment() {
        return environment;
    }

    /** The type of event the handler method takes, for turning event JSON into it. */
    public Class<?> eventType() {
        return handlerMethod.getParameterTypes()[0];
    }

    /**
     * Invokes the handler with an event of {@link #eventType()}.
     *
     * @throws FunctionError when the handler throws, as Lambda reports an unhandled error
     */
    public Object invoke(Object event) {
        Object handler = Optional.ofNullable(warmEnvironments.pollFirst()).orElseGet(this::newEnvironment);
        try {
            return handlerMethod.invoke(handler, event, newContext());
        } catch (InvocationTargetException e) {
            throw new FunctionError(definition.logicalId(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + definition.handler(), e);
        } finally {
            warmEnvironments.push(handler);
        }
    }

    /** A failed init, or a handler the factory does not build, is the function's error, as Lambda reports it. */
    private Object newEnvironment() {
        try {
            return factory.create(definition.handler().className(), environment);
        } catch (RuntimeException initFailure) {
            throw new FunctionError(definition.logicalId(), initFailure);
        }
    }

    private Context newContext() {
        String requestId = UUID.randomUUID().toString();
        Instant deadline = Instant.now().plusSeconds(definition.timeoutSeconds());
        return new LocalContext(requestId, definition.logicalId(), definition.memoryMegabytes(), deadline,
                new ConsoleLambdaLogger(definition.logicalId(), console));
    }

    private static Class<?> handlerClass(SamFunction definition) {
        try {
            return Class.forName(definition.handler().className());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(definition.logicalId() + ": Handler class "
                    + definition.handler().className() + " is not on the classpath", e);
        }
    }

    private static Method handlerMethodOf(Class<?> handlerClass, SamFunction definition) {
        String name = definition.handler().methodName();
        return Arrays.stream(handlerClass.getMethods())
                .filter(method -> method.getName().equals(name))
                .filter(method -> method.getParameterCount() == 2 && method.getParameterTypes()[1] == Context.class)
                .filter(method -> !method.isBridge())
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(definition.logicalId() + ": " + handlerClass.getName()
                        + " has no public method " + name + "(event, Context)"));
    }
}
