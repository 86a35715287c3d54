package dev.ec2inventory.dataapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.rdsdata.RdsDataClient;
import software.amazon.awssdk.services.rdsdata.RdsDataServiceClientConfiguration;
import software.amazon.awssdk.services.rdsdata.model.BeginTransactionRequest;
import software.amazon.awssdk.services.rdsdata.model.BeginTransactionResponse;
import software.amazon.awssdk.services.rdsdata.model.CommitTransactionRequest;
import software.amazon.awssdk.services.rdsdata.model.CommitTransactionResponse;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.rdsdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.rdsdata.model.RollbackTransactionRequest;
import software.amazon.awssdk.services.rdsdata.model.RollbackTransactionResponse;

/**
 * A twin of a function's {@link RdsDataClient} for rehearsals: the same region and endpoint, but a fixed placeholder
 * identity instead of the credentials chain, and the JDK's HTTP client sending each call, once signed for the endpoint,
 * to a {@link LoopbackAnswer} that answers as the service would (for a query, one row holding a sample value of each
 * column's type). A rehearsed call thus takes the whole request path (marshalling, endpoint, signing, a real HTTP
 * exchange, the response's unmarshalling) while nothing leaves the machine and no credentials of the sandbox are
 * resolved: what a SnapStart snapshot keeps of it is loaded classes, nothing unique and no open connection.
 */
final class Rehearsal {

    private final ToLoopback http = new ToLoopback();
    private final RdsDataClient twin;

    Rehearsal(RdsDataClient client) {
        this.twin = twinOf(client, http);
    }

    /** The twin's answer to {@code request}: one row of sample values of {@code columnTypes}, with their metadata. */
    ExecuteStatementResponse execute(ExecuteStatementRequest request, List<Class<?>> columnTypes) {
        return answered(answer(columnTypes), twin -> twin.executeStatement(request));
    }

    BeginTransactionResponse begin(BeginTransactionRequest request) {
        return answered(utf8("{\"transactionId\":\"rehearsal\"}"), twin -> twin.beginTransaction(request));
    }

    CommitTransactionResponse commit(CommitTransactionRequest request) {
        return answered(utf8("{\"transactionStatus\":\"Transaction Committed\"}"),
                twin -> twin.commitTransaction(request));
    }

    RollbackTransactionResponse rollback(RollbackTransactionRequest request) {
        return answered(utf8("{\"transactionStatus\":\"Rollback Complete\"}"),
                twin -> twin.rollbackTransaction(request));
    }

    /** {@code call} on the twin, its one request answered with {@code body} on a loopback port of its own. */
    private <T> T answered(byte[] body, Function<RdsDataClient, T> call) {
        try (LoopbackAnswer answer = LoopbackAnswer.serve(body)) {
            http.port = answer.port();
            return call.apply(twin);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on a loopback port for a rehearsal", e);
        }
    }

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    void close() {
        twin.close();
        http.close();
    }

    /**
     * As the Data API answers a query that found one row: a sample value of each column's type, in the union member
     * the service uses for it (date-times as text, as it sends them), so that reading the answer parses what a real
     * one would. A type without a sample (a converted user type) is answered NULL.
     */
    private static byte[] answer(List<Class<?>> columnTypes) {
        String metadata = String.join(",", Collections.nCopies(columnTypes.size(),
                "{\"name\":\"c\",\"label\":\"c\",\"type\":12,\"typeName\":\"VARCHAR\",\"nullable\":1,"
                        + "\"precision\":10,\"scale\":0,\"isSigned\":false,\"isCaseSensitive\":false,"
                        + "\"isCurrency\":false,\"isAutoIncrement\":false,\"arrayBaseColumnType\":0,"
                        + "\"schemaName\":\"\",\"tableName\":\"t\"}"));
        String row = columnTypes.stream().map(Rehearsal::sampleValue).collect(Collectors.joining(","));
        String records = columnTypes.isEmpty() ? "" : "[" + row + "]";
        return utf8("{\"columnMetadata\":[" + metadata + "],\"records\":[" + records
                + "],\"numberOfRecordsUpdated\":0}");
    }

    private static String sampleValue(Class<?> type) {
        if (type == String.class) {
            return "{\"stringValue\":\"rehearsal\"}";
        }
        if (type == Long.class || type == Integer.class || type == Short.class || type == Byte.class
                || type == BigInteger.class) {
            return "{\"longValue\":1}";
        }
        if (type == Boolean.class) {
            return "{\"booleanValue\":true}";
        }
        if (type == LocalDateTime.class) {
            return "{\"stringValue\":\"2019-03-06 02:45:32\"}";
        }
        return "{\"isNull\":true}";
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

    /** The JDK's HTTP client, sending every request to the loopback port set last instead of its endpoint. */
    private static final class ToLoopback implements SdkHttpClient {

        private final SdkHttpClient http = UrlConnectionHttpClient.create();
        private volatile int port;

        @Override
        public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
            return http.prepareRequest(HttpExecuteRequest.builder()
                    .request(request.httpRequest().toBuilder()
                            .protocol("http")
                            .host(InetAddress.getLoopbackAddress().getHostAddress())
                            .port(port)
                            .build())
                    .contentStreamProvider(request.contentStreamProvider().orElse(null))
                    .build());
        }

        @Override
        public String clientName() {
            return "Rehearsal";
        }

        @Override
        public void close() {
            http.close();
        }
    }
}
