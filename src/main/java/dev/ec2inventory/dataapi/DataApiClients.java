package dev.ec2inventory.dataapi;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.RdsDataClientBuilder;

/** Builds the one {@link DataApiClient} a function instance (or a JDBC connection) keeps for its lifetime. */
public final class DataApiClients {

    private DataApiClients() {
    }

    /** The JDK's HTTP client, the lightest to load; {@code endpoint} replaces the regional one, for the emulator. */
    public static DataApiClient create(String region, Optional<URI> endpoint, RetryBudget budget) {
        return new DataApiClient(builder(region, endpoint, budget, UrlConnectionHttpClient.builder()).build());
    }

    /** DDL left to run to the Data API's own call timeout outlasts the HTTP client's default read timeout. */
    public static DataApiClient create(String region, Optional<URI> endpoint, RetryBudget budget,
            Duration readTimeout) {
        return new DataApiClient(builder(region, endpoint, budget,
                UrlConnectionHttpClient.builder().socketTimeout(readTimeout)).build());
    }

    /**
     * Credentials only from Lambda's environment variables (and system properties, for tests): the default chain would
     * also probe profiles, SSO, web identity and metadata endpoints that a function does not have.
     */
    public static DataApiClient forFunction(String region, Optional<URI> endpoint, RetryBudget budget) {
        return new DataApiClient(builder(region, endpoint, budget, UrlConnectionHttpClient.builder())
                .credentialsProvider(AwsCredentialsProviderChain.of(SystemPropertyCredentialsProvider.create(),
                        EnvironmentVariableCredentialsProvider.create()))
                .build());
    }

    private static RdsDataClientBuilder builder(String region, Optional<URI> endpoint, RetryBudget budget,
            UrlConnectionHttpClient.Builder http) {
        RdsDataClientBuilder builder = RdsDataClient.builder()
                .region(Region.of(region))
                .httpClientBuilder(http)
                .overrideConfiguration(override -> override.retryStrategy(budget.retryStrategy()));
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }
}
