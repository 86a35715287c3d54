package dev.ec2inventory.dataapi.jdbc;

import dev.ec2inventory.dataapi.DataApiTarget;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@code jdbc:aws-data-api:} URL names:
 * {@code jdbc:aws-data-api://<cluster-arn>?secretArn=<secret-arn>&database=<name>[&endpoint=<url>][&region=<region>]}.
 *
 * <p>The cluster ARN is everything between {@code //} and {@code ?}; it contains {@code :} but never {@code ?}.
 * Parameter values are URL-decoded ({@code application/x-www-form-urlencoded}: a {@code +} in a secret's name must
 * be written {@code %2B}). {@link #toString()} writes the URL back, leaving {@code :} and {@code /} readable.
 *
 * @param target   the cluster, the secret and the database
 * @param endpoint replaces the regional Data API endpoint (the local emulator's, for one)
 * @param region   the region to call; without one, the cluster ARN's own
 */
public record DataApiUrl(DataApiTarget target, Optional<URI> endpoint, Optional<String> region) {

    public static final String PREFIX = "jdbc:aws-data-api://";

    public DataApiUrl {
        if (target.resourceArn().split(":", -1).length < 7 || !target.resourceArn().startsWith("arn:")) {
            throw new IllegalArgumentException("the cluster ARN must look like "
                    + "arn:aws:rds:<region>:<account>:cluster:<name>, not " + target.resourceArn());
        }
        if (region.isEmpty() && arnRegion(target.resourceArn()).isEmpty()) {
            throw new IllegalArgumentException("the cluster ARN names no region; add &region=<region> to the URL");
        }
    }

    public static boolean accepts(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    public static DataApiUrl parse(String url) {
        if (!accepts(url)) {
            throw new IllegalArgumentException("a Data API JDBC URL starts with " + PREFIX);
        }
        String rest = url.substring(PREFIX.length());
        int question = rest.indexOf('?');
        String resourceArn = decode(question < 0 ? rest : rest.substring(0, question));
        Map<String, String> parameters = parameters(question < 0 ? "" : rest.substring(question + 1));
        String secretArn = parameters.remove("secretArn");
        String database = parameters.remove("database");
        Optional<URI> endpoint = Optional.ofNullable(parameters.remove("endpoint")).map(DataApiUrl::endpoint);
        Optional<String> region = Optional.ofNullable(parameters.remove("region"));
        if (!parameters.isEmpty()) {
            throw new IllegalArgumentException("unknown parameters " + parameters.keySet()
                    + "; a Data API JDBC URL takes secretArn, database, endpoint and region");
        }
        return new DataApiUrl(new DataApiTarget(resourceArn, secretArn, database), endpoint, region);
    }

    /** The region to call: the URL's, else the one in the cluster ARN. */
    public String effectiveRegion() {
        return region.orElseGet(() -> arnRegion(target.resourceArn()).orElseThrow());
    }

    @Override
    public String toString() {
        StringBuilder url = new StringBuilder(PREFIX).append(encode(target.resourceArn()))
                .append("?secretArn=").append(encode(target.secretArn()))
                .append("&database=").append(encode(target.database()));
        endpoint.ifPresent(uri -> url.append("&endpoint=").append(encode(uri.toString())));
        region.ifPresent(name -> url.append("&region=").append(encode(name)));
        return url.toString();
    }

    /** {@code arn:partition:service:region:account:resource...}: the fourth field. */
    private static Optional<String> arnRegion(String arn) {
        String region = arn.split(":", -1)[3];
        return region.isEmpty() ? Optional.empty() : Optional.of(region);
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (parameters.put(name, value) != null) {
                throw new IllegalArgumentException("the URL gives " + name + " twice");
            }
        }
        return parameters;
    }

    private static URI endpoint(String text) {
        URI uri = URI.create(text);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("endpoint must be an absolute URL such as http://127.0.0.1:8080, not "
                    + text);
        }
        return uri;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("%3A", ":").replace("%2F", "/");
    }
}
