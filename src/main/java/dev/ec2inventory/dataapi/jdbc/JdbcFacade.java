package dev.ec2inventory.dataapi.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A JDBC interface in front of a class that declares only the methods it supports, instead of hundreds of stubs; any
 * other call throws {@link SQLFeatureNotSupportedException} naming it. A public method matching no interface method
 * is refused when the facade is built, so a misspelt name fails a test rather than turning into "not supported".
 */
final class JdbcFacade {

    private static final Map<List<Class<?>>, Map<Method, Method>> ROUTES = new ConcurrentHashMap<>();

    private JdbcFacade() {
    }

    static <T> T of(Class<T> jdbcInterface, Object implementation) {
        Map<Method, Method> routes = ROUTES.computeIfAbsent(List.of(jdbcInterface, implementation.getClass()),
                key -> routes(jdbcInterface, implementation.getClass()));
        InvocationHandler handler = (proxy, method, arguments) ->
                dispatch(jdbcInterface, implementation, routes, proxy, method, arguments);
        return jdbcInterface.cast(Proxy.newProxyInstance(jdbcInterface.getClassLoader(),
                new Class<?>[] {jdbcInterface}, handler));
    }

    private static Object dispatch(Class<?> jdbcInterface, Object implementation, Map<Method, Method> routes,
            Object proxy, Method method, Object[] arguments) throws Throwable {
        Method target = routes.get(method);
        if (target != null) {
            try {
                return target.invoke(implementation, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
        switch (method.getName()) {
            case "toString":
                return implementation.toString();
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == arguments[0];
            case "isWrapperFor":
                return ((Class<?>) arguments[0]).isInstance(proxy);
            case "unwrap":
                return unwrap(proxy, (Class<?>) arguments[0]);
            default:
                break;
        }
        if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, arguments);
        }
        throw new SQLFeatureNotSupportedException(jdbcInterface.getSimpleName() + "." + method.getName()
                + " is not supported by the Data API JDBC driver");
    }

    private static Object unwrap(Object proxy, Class<?> type) throws SQLException {
        if (type.isInstance(proxy)) {
            return proxy;
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    private static Map<Method, Method> routes(Class<?> jdbcInterface, Class<?> implementationType) {
        Map<Method, Method> routes = new HashMap<>();
        for (Method method : jdbcInterface.getMethods()) {
            implementing(implementationType, method).ifPresent(target -> routes.put(method, target));
        }
        for (Method declared : implementationType.getMethods()) {
            if (!overridesObject(declared) && !routes.containsValue(declared)) {
                throw new IllegalStateException(implementationType.getSimpleName() + "." + declared.getName()
                        + Arrays.toString(declared.getParameterTypes()) + " implements no method of "
                        + jdbcInterface.getName());
            }
        }
        return Map.copyOf(routes);
    }

    private static boolean overridesObject(Method method) {
        try {
            Object.class.getMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException notObjects) {
            return false;
        }
    }

    private static Optional<Method> implementing(Class<?> implementationType, Method method) {
        try {
            Method candidate = implementationType.getMethod(method.getName(), method.getParameterTypes());
            boolean returnsCompatibly = method.getReturnType().isAssignableFrom(candidate.getReturnType());
            return returnsCompatibly ? Optional.of(candidate) : Optional.empty();
        } catch (NoSuchMethodException notImplemented) {
            return Optional.empty();
        }
    }
}
