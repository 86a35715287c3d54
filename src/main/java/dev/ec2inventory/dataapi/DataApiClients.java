package dev.ec2inventory.dataapi;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

/** Builds the one {@link DataApiClient} a function instance keeps for its lifetime. */
public final class DataApiClients {

    private DataApiClients() {
    }

    /**
     * A client with the JDK's HTTP client (the lightest to load), the SDK's default credentials chain, and retries
     * limited to {@code budget}.
     *
     * @param endpoint replaces the regional endpoint, for the local emulator
     */
    public static DataApiClient create(String region, Optional<URI> endpoint, RetryBudget budget) {
        return create(region, endpoint, budget, UrlConnectionHttpClient.builder());
    }

    /**
     * As {@link #create(String, Optional, RetryBudget)}, waiting up to {@code readTimeout} for each answer instead of
     * the HTTP client's default 30 seconds: a statement the Data API lets run to its own 45-second call timeout (as
     * AWS recommends for DDL) needs longer, and AWS recommends client timeouts of at least a minute.
     */
    public static DataApiClient create(String region, Optional<URI> endpoint, RetryBudget budget,
            Duration readTimeout) {
        return create(region, endpoint, budget, UrlConnectionHttpClient.builder().socketTimeout(readTimeout));
    }

    private static DataApiClient create(String region, Optional<URI> endpoint, RetryBudget budget,
            UrlConnectionHttpClient.Builder http) {
        var builder = RdsDataClient.builder()
                .region(Region.of(region))
                .httpClientBuilder(http)
                .overrideConfiguration(override -> override.retryStrategy(budget.retryStrategy()));
        endpoint.ifPresent(builder::endpointOverride);
        return new DataApiClient(builder.build());
    }
}
