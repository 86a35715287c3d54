package dev.ec2inventory.dataapi;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
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
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;

/**
 * A twin of a function's {@link RdsDataClient} for rehearsals: the same region and endpoint, but a fixed
 * placeholder identity instead of the credentials chain, and an HTTP client that answers each call itself with one
 * row of NULLs in as many columns as asked. A rehearsed call thus takes the whole request path (marshalling, endpoint,
 * signing, the response's unmarshalling) while nothing reaches the network and no credentials of the sandbox are
 * resolved: what a SnapStart snapshot keeps of it is loaded classes, nothing unique.
 */
final class Rehearsal {

    private final RdsDataClient twin;
    private final AnsweringHttpClient answers = new AnsweringHttpClient();

    Rehearsal(RdsDataClient client) {
        this.twin = twinOf(client, answers);
    }

    /** The twin's answer to {@code request}: one row of {@code columns} NULLs, with their metadata when asked. */
    ExecuteStatementResponse execute(ExecuteStatementRequest request, int columns) {
        answers.next = answer(columns);
        return twin.executeStatement(request);
    }

    void close() {
        twin.close();
    }

    /** As the Data API answers a query of {@code columns} VARCHAR columns that found one row of NULLs. */
    private static byte[] answer(int columns) {
        String metadata = String.join(",", Collections.nCopies(columns,
                "{\"name\":\"c\",\"label\":\"c\",\"type\":12,\"typeName\":\"VARCHAR\",\"nullable\":1,"
                        + "\"precision\":10,\"scale\":0,\"isSigned\":false,\"isCaseSensitive\":false,"
                        + "\"isCurrency\":false,\"isAutoIncrement\":false,\"arrayBaseColumnType\":0,"
                        + "\"schemaName\":\"\",\"tableName\":\"t\"}"));
        String row = String.join(",", Collections.nCopies(columns, "{\"isNull\":true}"));
        return ("{\"columnMetadata\":[" + metadata + "],\"records\":[" + (columns == 0 ? "" : "[" + row + "]")
                + "],\"numberOfRecordsUpdated\":0}").getBytes(StandardCharsets.UTF_8);
    }

    private static RdsDataClient twinOf(RdsDataClient client, SdkHttpClient answers) {
        RdsDataServiceClientConfiguration configuration = client.serviceClientConfiguration();
        var builder = RdsDataClient.builder()
                .region(configuration.region())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("REHEARSAL", "rehearsal-not-a-secret")))
                .httpClient(answers);
        configuration.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** Answers every request with the answer set last; sends nothing. */
    private static final class AnsweringHttpClient implements SdkHttpClient {

        private volatile byte[] next;

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            byte[] answer = next;
            return new ExecutableHttpRequest() {
                @Override
                public HttpExecuteResponse call() {
                    return HttpExecuteResponse.builder()
                            .response(SdkHttpResponse.builder().statusCode(200)
                                    .putHeader("Content-Type", "application/json").build())
                            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer)))
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
