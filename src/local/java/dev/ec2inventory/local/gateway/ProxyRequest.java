package dev.ec2inventory.local.gateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.RequestIdentity;
import java.nio.charset.CharacterCodingException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the event a REST API's Lambda proxy integration sends: the resource and raw path, single- and multi-value
 * headers and query string parameters (the single-value maps keep the last value), decoded path parameters, the body
 * (base64 when it is not text) and a request context.
 */
final class ProxyRequest {

    private static final String LOCAL_ACCOUNT = "123456789012";
    private static final String LOCAL_API_ID = "local";
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private ProxyRequest() {
    }

    /**
     * @param headers  request headers, in arrival order, as the server received them
     * @param rawQuery the query string as sent (percent-encoded), or null
     */
    static APIGatewayProxyRequestEvent event(RouteTable.Match match, String method, String rawPath, String rawQuery,
                                             Map<String, List<String>> headers, byte[] body, String stage,
                                             String requestId, String sourceIp) throws GatewayRefusal {
        Map<String, List<String>> query = queryParameters(rawQuery);
        Optional<String> text = bodyText(headers, body);
        Instant now = Instant.now();
        return new APIGatewayProxyRequestEvent()
                .withResource(match.route().pathTemplate())
                .withPath(rawPath)
                .withHttpMethod(method)
                .withHeaders(lastValues(headers))
                .withMultiValueHeaders(nullIfEmpty(headers))
                .withQueryStringParameters(lastValues(query))
                .withMultiValueQueryStringParameters(nullIfEmpty(query))
                .withPathParameters(match.pathParameters().isEmpty() ? null : match.pathParameters())
                .withRequestContext(new ProxyRequestContext()
                        .withAccountId(LOCAL_ACCOUNT)
                        .withApiId(LOCAL_API_ID)
                        .withResourceId(LOCAL_API_ID)
                        .withStage(stage)
                        .withRequestId(requestId)
                        .withHttpMethod(method)
                        .withResourcePath(match.route().pathTemplate())
                        .withPath("/" + stage + rawPath)
                        .withProtocol("HTTP/1.1")
                        .withRequestTime(REQUEST_TIME.format(now))
                        .withRequestTimeEpoch(now.toEpochMilli())
                        .withIdentity(new RequestIdentity()
                                .withSourceIp(sourceIp)
                                .withUserAgent(first(headers, "User-Agent"))))
                .withBody(body.length == 0 ? null : text.orElseGet(() -> Base64.getEncoder().encodeToString(body)))
                .withIsBase64Encoded(body.length > 0 && text.isEmpty());
    }

    /**
     * The body as text when its media type is text and its bytes are UTF-8; otherwise empty, and the body travels as
     * base64 so the function sees the bytes that were sent rather than replacement characters.
     */
    private static Optional<String> bodyText(Map<String, List<String>> headers, byte[] body) {
        if (!isText(first(headers, "Content-Type"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(RequestTarget.strictUtf8(body));
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }

    /** Like a REST API without binary media types: text and JSON pass as text, anything else as base64. */
    static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT).split(";", 2)[0].trim();
        return type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml")
                || type.equals("application/x-www-form-urlencoded") || type.equals("application/javascript");
    }

    private static Map<String, List<String>> queryParameters(String rawQuery) throws GatewayRefusal {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decodeQuery(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decodeQuery(pair.substring(equals + 1));
            parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    /** Query strings are decoded like forms: '+' is a space. Escapes are well formed ({@link RequestTarget}). */
    private static String decodeQuery(String text) throws GatewayRefusal {
        try {
            return RequestTarget.decode(text, true);
        } catch (CharacterCodingException notUtf8) {
            throw GatewayRefusal.badRequest("The query string must be valid UTF-8 text "
                    + "(its percent-escapes must encode UTF-8 bytes)");
        }
    }

    private static Map<String, String> lastValues(Map<String, List<String>> multi) {
        if (multi.isEmpty()) {
            return null;
        }
        Map<String, String> last = new LinkedHashMap<>();
        multi.forEach((name, values) -> last.put(name, values.get(values.size() - 1)));
        return last;
    }

    private static Map<String, List<String>> nullIfEmpty(Map<String, List<String>> multi) {
        return multi.isEmpty() ? null : multi;
    }

    private static String first(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(header -> header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty())
                .map(header -> header.getValue().get(0))
                .findFirst()
                .orElse(null);
    }
}
