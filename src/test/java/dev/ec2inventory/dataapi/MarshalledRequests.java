package dev.ec2inventory.dataapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;

/**
 * The body the real SDK marshals for an ExecuteStatement, as {@link DataApiCalls} builds it: an interceptor copies the
 * body where the request would be sent, and stops it there. Nothing reaches the network (the endpoint is a closed
 * local port besides).
 */
final class MarshalledRequests implements AutoCloseable {

    private final RdsDataClient client = RdsDataClient.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(URI.create("http://127.0.0.1:9"))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .overrideConfiguration(override -> override.addExecutionInterceptor(new Capture()))
            .build();

    /** The body's bytes, as sent within a transaction when {@code transactionId} is not null. */
    byte[] body(RenderedStatement statement, DataApiTarget target, String transactionId, boolean withColumns) {
        try {
            new DataApiCalls(client, target, DataApiTracing.NONE).executeStatement(statement, transactionId,
                    withColumns);
        } catch (Captured captured) {
            return captured.body;
        }
        throw new IllegalStateException("the request was not captured");
    }

    @Override
    public void close() {
        client.close();
    }

    private static final class Capture implements ExecutionInterceptor {

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            byte[] body = context.requestBody().map(requestBody -> {
                try (InputStream content = requestBody.contentStreamProvider().newStream()) {
                    return content.readAllBytes();
                } catch (IOException unreadable) {
                    throw new UncheckedIOException(unreadable);
                }
            }).orElseThrow();
            throw new Captured(body);
        }
    }

    private static final class Captured extends RuntimeException {

        private final transient byte[] body;

        Captured(byte[] body) {
            super("captured, not sent", null, false, false);
            this.body = body;
        }
    }
}
