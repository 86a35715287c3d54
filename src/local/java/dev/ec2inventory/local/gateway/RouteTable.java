package dev.ec2inventory.local.gateway;

import dev.ec2inventory.local.lambda.LocalFunction;
import dev.ec2inventory.local.sam.ApiRoute;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The REST API's resources and methods, matched as API Gateway matches them: literal segments first, then
 * {@code {param}} (one segment), then {@code {param+}} (the rest of the path). Path parameters are percent-decoded.
 */
final class RouteTable {

    private final List<Entry> entries = new ArrayList<>();

    void add(ApiRoute route, LocalFunction function) {
        entries.add(new Entry(route, function, segments(route.pathTemplate())));
        entries.sort((a, b) -> Integer.compare(b.specificity(), a.specificity()));
    }

    /**
     * The route for a request, with its decoded path parameters; empty when none matches.
     *
     * @param rawPath a path whose percent-escapes are well formed ({@link RequestTarget} checked them)
     * @throws GatewayRefusal when a path parameter's decoded bytes are not UTF-8
     */
    Optional<Match> match(String method, String rawPath) throws GatewayRefusal {
        List<String> requestSegments = segments(rawPath);
        for (Entry entry : entries) {
            if (!entry.route.method().equals("ANY") && !entry.route.method().equals(method)) {
                continue;
            }
            Optional<Map<String, String>> parameters = entry.bind(requestSegments);
            if (parameters.isPresent()) {
                return Optional.of(new Match(entry.route, entry.function, parameters.get()));
            }
        }
        return Optional.empty();
    }

    record Match(ApiRoute route, LocalFunction function, Map<String, String> pathParameters) {
    }

    private record Entry(ApiRoute route, LocalFunction function, List<String> template) {

        /** More literal segments win over parameters, and single-segment parameters over greedy ones. */
        int specificity() {
            int score = 0;
            for (String segment : template) {
                score = score * 3 + (isGreedy(segment) ? 0 : isParameter(segment) ? 1 : 2);
            }
            return score;
        }

        Optional<Map<String, String>> bind(List<String> request) throws GatewayRefusal {
            Map<String, String> parameters = new LinkedHashMap<>();
            for (int i = 0; i < template.size(); i++) {
                String segment = template.get(i);
                if (isGreedy(segment)) {
                    if (i >= request.size()) {
                        return Optional.empty();
                    }
                    List<String> rest = new ArrayList<>();
                    for (String part : request.subList(i, request.size())) {
                        rest.add(decode(name(segment), part));
                    }
                    parameters.put(name(segment), String.join("/", rest));
                    return Optional.of(parameters);
                }
                if (i >= request.size()) {
                    return Optional.empty();
                }
                if (isParameter(segment)) {
                    String value = decode(name(segment), request.get(i));
                    if (value.isEmpty()) {
                        return Optional.empty();
                    }
                    parameters.put(name(segment), value);
                } else if (!segment.equals(request.get(i))) {
                    return Optional.empty();
                }
            }
            return template.size() == request.size() ? Optional.of(parameters) : Optional.empty();
        }

        private static boolean isParameter(String segment) {
            return segment.startsWith("{") && segment.endsWith("}");
        }

        private static boolean isGreedy(String segment) {
            return segment.startsWith("{") && segment.endsWith("+}");
        }

        private static String name(String segment) {
            return segment.substring(1, segment.length() - (isGreedy(segment) ? 2 : 1));
        }
    }

    private static List<String> segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
    }

    /** Percent-decoding as in a path: unlike a query string, '+' is a plus sign, not a space. */
    private static String decode(String parameter, String rawSegment) throws GatewayRefusal {
        try {
            return RequestTarget.decode(rawSegment, false);
        } catch (CharacterCodingException notUtf8) {
            throw GatewayRefusal.badRequest("Path parameter '" + parameter + "' must be valid UTF-8 text "
                    + "(its percent-escapes must encode UTF-8 bytes)");
        }
    }
}
