package dev.ec2inventory.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.ec2inventory.local.lambda.LocalFunction;
import dev.ec2inventory.local.sam.ApiRoute;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * For tests that call the functions in-process: the function and the event this gateway would hand it for a
 * request, built by the gateway's own route table and event builder, without HTTP in between.
 */
public final class GatewayEvents {

    private static final String LOOPBACK = "127.0.0.1";

    private final RouteTable routes = new RouteTable();
    private final String stage;

    public GatewayEvents(Map<ApiRoute, LocalFunction> routes, String stage) {
        routes.forEach(this.routes::add);
        this.stage = stage;
    }

    /** A function and its event. */
    public record Routed(LocalFunction function, APIGatewayProxyRequestEvent event) {
    }

    /**
     * @param target the request target as sent on the request line ({@code /path?query})
     * @return empty when the gateway answers the request itself: no route, or a refusal such as a bad escape
     */
    public Optional<Routed> route(String method, byte[] target, Map<String, List<String>> headers, byte[] body) {
        try {
            RequestTarget parsed = RequestTarget.parse(target);
            Optional<RouteTable.Match> match = routes.match(method, parsed.rawPath());
            if (match.isEmpty()) {
                return Optional.empty();
            }
            APIGatewayProxyRequestEvent event = ProxyRequest.event(match.get(), method, parsed.rawPath(),
                    parsed.rawQuery(), headers, body, stage, UUID.randomUUID().toString(), LOOPBACK);
            return Optional.of(new Routed(match.get().function(), event));
        } catch (GatewayRefusal refusedByTheGateway) {
            return Optional.empty();
        }
    }
}
