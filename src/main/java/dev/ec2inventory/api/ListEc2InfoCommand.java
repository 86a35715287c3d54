package dev.ec2inventory.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.ec2inventory.inventory.FleetFilter;
import dev.ec2inventory.inventory.FleetQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@code GET /ec2}: the filters, the page size and the page token from the query string. A parameter the API does not
 * know is refused rather than ignored: a misspelt filter would otherwise list the whole fleet as if it matched.
 */
record ListEc2InfoCommand(FleetQuery query) {

    static final String AWS_ACCOUNT = "aws_account";
    static final String AWS_REGION = "aws_region";
    static final String PACKAGE_NAME = "package_name";
    static final String PACKAGE_VERSION = "package_version";
    static final String LIMIT = "limit";
    static final String NEXT_TOKEN = "next_token";
    private static final Set<String> KNOWN = new TreeSet<>(Set.of(AWS_ACCOUNT, AWS_REGION, PACKAGE_NAME,
            PACKAGE_VERSION, LIMIT, NEXT_TOKEN));
    /** Digits only, few enough for an int: the range itself is the query's rule. */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,9}");

    static ListEc2InfoCommand parse(APIGatewayProxyRequestEvent request) {
        Map<String, String> parameters = request.getQueryStringParameters() == null ? Map.of()
                : request.getQueryStringParameters();
        Map<String, List<String>> repeated = request.getMultiValueQueryStringParameters() == null ? Map.of()
                : request.getMultiValueQueryStringParameters();
        for (String name : new TreeSet<>(parameters.keySet())) {
            if (!KNOWN.contains(name)) {
                throw new BadRequestException("Unknown query parameter '" + name + "': the known ones are "
                        + String.join(", ", KNOWN));
            }
            if (repeated.getOrDefault(name, List.of()).size() > 1) {
                throw new BadRequestException(name + " must be given at most once");
            }
        }
        FleetFilter filter = new FleetFilter(optional(parameters, AWS_ACCOUNT), optional(parameters, AWS_REGION),
                optional(parameters, PACKAGE_NAME), optional(parameters, PACKAGE_VERSION));
        return new ListEc2InfoCommand(FleetQuery.of(filter, limit(parameters.get(LIMIT)),
                optional(parameters, NEXT_TOKEN)));
    }

    private static int limit(String text) {
        if (text == null) {
            return FleetQuery.DEFAULT_LIMIT;
        }
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            throw new BadRequestException(LIMIT + " must be a whole number between 1 and " + FleetQuery.MAX_LIMIT);
        }
        return Integer.parseInt(text);
    }

    private static Optional<String> optional(Map<String, String> parameters, String name) {
        return Optional.ofNullable(parameters.get(name));
    }
}
