package dev.ec2inventory.dataapi;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.RdsDataServiceClientConfiguration;

/**
 * A twin of a function's {@link RdsDataClient} for rehearsals: the same region and endpoint, but a fixed
 * placeholder identity instead of the credentials chain, and an HTTP client that answers every call itself with an
 * empty result. A rehearsed call thus takes the whole request path (marshalling, endpoint, signing, the response's
 * unmarshalling) while nothing reaches the network and no credentials of the sandbox are resolved: what a SnapStart
 * snapshot keeps of it is loaded classes, nothing unique.
 */
final class Rehearsal {

    /** What the Data API answers a statement that selects and changes nothing. */
    private static final byte[] EMPTY_RESULT = "{\"columnMetadata\":[],\"records\":[],\"numberOfRecordsUpdated\":0}"
            .getBytes(StandardCharsets.UTF_8);

    private Rehearsal() {
    }

    static RdsDataClient twinOf(RdsDataClient client) {
        RdsDataServiceClientConfiguration configuration = client.serviceClientConfiguration();
        var builder = RdsDataClient.builder()
                .region(configuration.region())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("REHEARSAL", "rehearsal-not-a-secret")))
                .httpClient(new AnsweringHttpClient());
        configuration.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** Answers every request with {@link #EMPTY_RESULT}; sends nothing. */
    private static final class AnsweringHttpClient implements SdkHttpClient {

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(200)
                                    .putHeader("Content-Type", "application/json").build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(EMPTY_RESULT)))
                            .build();
                }

                @Override
                public void abort() {
                    // Answered at once: nothing to abort.
                }
            };
        }

        @Override
        public String clientName() {
            return "Rehearsal";
        }

        @Override
        public void close() {
            // Holds nothing.
        }
    }
}
