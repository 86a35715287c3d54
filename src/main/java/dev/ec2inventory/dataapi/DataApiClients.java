package dev.ec2inventory.dataapi;

import java.net.URI;
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
        var builder = RdsDataClient.builder()
                .region(Region.of(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(override -> override.retryStrategy(budget.retryStrategy()));
        endpoint.ifPresent(builder::endpointOverride);
        return new DataApiClient(builder.build());
    }
}
