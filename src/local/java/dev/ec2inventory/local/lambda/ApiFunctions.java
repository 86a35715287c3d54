package dev.ec2inventory.local.lambda;

import dev.ec2inventory.api.FunctionWiring;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;

/**
 * The API's functions for hosts that are not Lambda (the local runner, tests): the class a template's {@code Handler}
 * names, built as Lambda builds it, by name, but wired from the function's own environment instead of the process's.
 *
 * <p>Each function class takes its wiring in a package-private constructor, the one its unit tests use. It is reached
 * by reflection so that deployed code keeps no factory for other hosts, and a new function needs no entry here.
 */
public final class ApiFunctions {

    private static final String API_PACKAGE = FunctionWiring.class.getPackageName();

    private ApiFunctions() {
    }

    /**
     * A new execution environment of the function whose handler class is {@code handlerClass}.
     *
     * @param environment the function's environment variables, as template.yaml resolves them
     * @throws IllegalArgumentException when the class is not one of the API's functions
     */
    public static Object create(String handlerClass, Map<String, String> environment) {
        Constructor<?> constructor = wiredConstructor(handlerClass);
        try {
            return constructor.newInstance(FunctionWiring.from(environment));
        } catch (InvocationTargetException initFailure) {
            throw initFailure.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException(initFailure.getCause());
        } catch (ReflectiveOperationException unreachable) {
            throw new IllegalStateException("cannot build " + handlerClass, unreachable);
        }
    }

    /** As {@link #create(String, Map)}, for callers that name the class itself. */
    public static <T> T create(Class<T> handler, Map<String, String> environment) {
        return handler.cast(create(handler.getName(), environment));
    }

    private static Constructor<?> wiredConstructor(String handlerClass) {
        try {
            Class<?> type = Class.forName(handlerClass);
            if (type.getPackageName().equals(API_PACKAGE)) {
                Constructor<?> constructor = type.getDeclaredConstructor(FunctionWiring.class);
                constructor.setAccessible(true);
                return constructor;
            }
        } catch (ReflectiveOperationException notAFunction) {
            // refused below, as a class of another package is
        }
        throw new IllegalArgumentException(handlerClass + " is not a function of this API: its functions are the "
                + "classes of " + API_PACKAGE + " built from a FunctionWiring");
    }
}
