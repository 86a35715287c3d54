package dev.ec2inventory.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ec2inventory.local.lambda.LocalFunction;
import dev.ec2inventory.local.sam.ApiRoute;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A REST API with Lambda proxy integrations, served on 127.0.0.1: each request is matched to a route of the
 * template, turned into an {@link APIGatewayProxyRequestEvent}, handed to the route's function, and the function's
 * {@link APIGatewayProxyResponseEvent} is written back. Answers API Gateway gives without calling a function
 * (malformed request, unknown route, payload too large, function error) are JSON {@code {"message": ...}} bodies.
 */
public final class ApiGatewayServer implements AutoCloseable {

    /** API Gateway's payload limit: a longer body is answered 413 before it is read. */
    static final long MAX_PAYLOAD_BYTES = 10L * 1024 * 1024;
    /** Lambda's limit on a synchronous invocation's request payload (the event as JSON). */
    static final int MAX_INVOCATION_BYTES = 6 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** API Gateway's integration-failure body, spelled as it spells it (with a space after the colon). */
    private static final String INTERNAL_ERROR = "{\"message\": \"Internal server error\"}";

    private final RouteTable routes;
    private final String stage;
    private final Consumer<String> console;
    private final Map<String, LocalPage> localPages = new ConcurrentHashMap<>();
    private HttpConnections connections;

    private ApiGatewayServer(RouteTable routes, String stage, Consumer<String> console) {
        this.routes = routes;
        this.stage = stage;
        this.console = console;
    }

    /**
     * @param port  0 for any free port
     * @param stage the stage name put in each event's request context
     */
    public static ApiGatewayServer start(int port, Map<ApiRoute, LocalFunction> routes, String stage,
                                         Consumer<String> console) {
        return start(port, HttpConnections.MAX_CONNECTIONS, routes, stage, console);
    }

    /** @param maxConnections connections served at once; one more is answered 429 and closed */
    static ApiGatewayServer start(int port, int maxConnections, Map<ApiRoute, LocalFunction> routes, String stage,
                                  Consumer<String> console) {
        RouteTable table = new RouteTable();
        routes.forEach(table::add);
        ApiGatewayServer gateway = new ApiGatewayServer(table, stage, console);
        // Bodies longer than Lambda's limit are never sent to a function, so no more than that is held.
        gateway.connections = HttpConnections.start(port, maxConnections, gateway::answer,
                MAX_INVOCATION_BYTES + 1, MAX_PAYLOAD_BYTES);
        return gateway;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + connections.port());
    }

    /** Serves {@code path}, and what is under it, with {@code page} instead of the API: the runner's own pages. */
    public void serveLocally(String path, LocalPage page) {
        localPages.put(path, page);
    }

    @Override
    public void close() {
        connections.close();
    }

    private GatewayResponse answer(RequestHead head, RequestBody body, String sourceIp, int localPort) {
        String requestId = UUID.randomUUID().toString();
        try {
            String rawPath = head.target().rawPath();
            Optional<GatewayResponse> localPage = localPage(head, rawPath);
            if (localPage.isPresent()) {
                return localPage.get();
            }
            var match = routes.match(head.method(), rawPath);
            if (match.isEmpty()) {
                return withRequestId(requestId, GatewayResponse.message(403, "Missing Authentication Token",
                        "MissingAuthenticationTokenException"));
            }
            String function = match.get().function().definition().logicalId();
            if (!body.isComplete()) {
                return tooLargeForLambda(requestId, function, body.length());
            }
            APIGatewayProxyRequestEvent event = ProxyRequest.event(match.get(), head.method(), rawPath,
                    head.target().rawQuery(), headersOf(head, sourceIp, localPort), body.kept(), stage, requestId,
                    sourceIp);
            long payload = JSON.writeValueAsBytes(event).length;
            if (payload > MAX_INVOCATION_BYTES) {
                return tooLargeForLambda(requestId, function, payload);
            }
            return respond(requestId, match.get().function(), event);
        } catch (GatewayRefusal refusal) {
            return withRequestId(requestId, GatewayResponse.message(refusal.status(), refusal.getMessage(), null));
        } catch (JsonProcessingException | RuntimeException gatewayFault) {
            console.accept("[gateway] cannot pass the request on: " + stackTrace(gatewayFault));
            return internalError(requestId);
        }
    }

    private Optional<GatewayResponse> localPage(RequestHead head, String rawPath) {
        return localPages.entrySet().stream()
                .filter(page -> rawPath.equals(page.getKey()) || rawPath.startsWith(page.getKey() + "/"))
                .findFirst()
                .map(page -> page.getValue().answer(head.method(), rawPath, head.first("Host").orElse(null)))
                .map(GatewayResponse::of);
    }

    /** What API Gateway answers when Lambda refuses the invocation's payload: its integration failure, a 502. */
    private GatewayResponse tooLargeForLambda(String requestId, String function, long payloadBytes) {
        console.accept("[" + function + "] not invoked: the request payload of at least " + payloadBytes
                + " bytes exceeds Lambda's " + MAX_INVOCATION_BYTES + "-byte invocation limit");
        return internalError(requestId);
    }

    private GatewayResponse respond(String requestId, LocalFunction function, APIGatewayProxyRequestEvent event) {
        Object result;
        try {
            result = function.invoke(event);
        } catch (RuntimeException functionError) {
            console.accept("[" + function.definition().logicalId() + "] unhandled error: " + stackTrace(functionError));
            return internalError(requestId);
        }
        Optional<GatewayResponse> response = result instanceof APIGatewayProxyResponseEvent proxy
                ? ProxyResponse.of(requestId, proxy) : Optional.empty();
        if (response.isEmpty()) {
            console.accept("[" + function.definition().logicalId() + "] returned no valid proxy response: " + result);
            return internalError(requestId);
        }
        return response.get();
    }

    private static GatewayResponse internalError(String requestId) {
        return withRequestId(requestId, GatewayResponse.json(502, INTERNAL_ERROR, "InternalServerErrorException"));
    }

    private static GatewayResponse withRequestId(String requestId, GatewayResponse response) {
        return response.withRequestId(requestId);
    }

    /** Headers grouped by name whatever its case (the first spelling names the group), plus API Gateway's own. */
    private static Map<String, List<String>> headersOf(RequestHead head, String sourceIp, int localPort) {
        Map<String, String> spelling = new LinkedHashMap<>();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> header : head.headers()) {
            String name = spelling.computeIfAbsent(header.getKey().toLowerCase(Locale.ROOT), lower -> header.getKey());
            headers.computeIfAbsent(name, key -> new ArrayList<>()).add(header.getValue());
        }
        headers.keySet().removeIf(name -> name.toLowerCase(Locale.ROOT).startsWith("x-forwarded-"));
        headers.put("X-Forwarded-For", List.of(sourceIp));
        headers.put("X-Forwarded-Proto", List.of("http"));
        headers.put("X-Forwarded-Port", List.of(String.valueOf(localPort)));
        return headers;
    }

    private static String stackTrace(Throwable error) {
        StringWriter writer = new StringWriter();
        error.printStackTrace(new PrintWriter(writer));
        return writer.toString();
    }
}
