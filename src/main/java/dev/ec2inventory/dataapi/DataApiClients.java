package dev.ec2inventory.dataapi;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
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

    /**
     * A client with the JDK's HTTP client (the lightest to load), the SDK's default credentials chain (profiles, SSO,
     * web identity, instance metadata: whatever the host has), and retries limited to {@code budget}.
     *
     * @param endpoint replaces the regional endpoint, for the local emulator
     */
    public static DataApiClient create(String region, Optional<URI> endpoint, RetryBudget budget) {
        return new DataApiClient(builder(region, endpoint, budget, UrlConnectionHttpClient.builder()).build());
    }

    /**
     * As {@link #create(String, Optional, RetryBudget)}, waiting up to {@code readTimeout} for each answer instead of
     * the HTTP client's default 30 seconds: a statement the Data API lets run to its own 45-second call timeout (as
     * AWS recommends for DDL) needs longer, and AWS recommends client timeouts of at least a minute.
     */
    public static DataApiClient create(String region, Optional<URI> endpoint, RetryBudget budget,
            Duration readTimeout) {
        return new DataApiClient(builder(region, endpoint, budget,
                UrlConnectionHttpClient.builder().socketTimeout(readTimeout)).build());
    }

    /**
     * As {@link #create(String, Optional, RetryBudget)}, with credentials only from where Lambda puts them: the
     * environment's access keys, or the container credentials endpoint that replaces them for SnapStart functions (and
     * JVM system properties, for tests and local hosts). The default chain would also look for profile files, SSO,
     * web identity and an instance metadata service, none of which a function has.
     */
    public static DataApiClient forFunction(String region, Optional<URI> endpoint, RetryBudget budget) {
        return new DataApiClient(builder(region, endpoint, budget, UrlConnectionHttpClient.builder())
                .credentialsProvider(functionCredentials()).build());
    }

    /** Resolves nothing until the first call asks: a SnapStart snapshot taken before that holds no credentials. */
    private static AwsCredentialsProvider functionCredentials() {
        return AwsCredentialsProviderChain.builder()
                .reuseLastProviderEnabled(true)
                .credentialsProviders(SystemPropertyCredentialsProvider.create(),
                        EnvironmentVariableCredentialsProvider.create(),
                        ContainerCredentialsProvider.builder().build())
                .build();
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
