package dev.ec2inventory.local.dataapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.ec2inventory.local.dataapi.engine.DataApiService;
import dev.ec2inventory.local.dataapi.wire.BatchExecuteStatementRequest;
import dev.ec2inventory.local.dataapi.wire.BeginTransactionRequest;
import dev.ec2inventory.local.dataapi.wire.EndTransactionRequest;
import dev.ec2inventory.local.dataapi.wire.ErrorResponse;
import dev.ec2inventory.local.dataapi.wire.ExecuteStatementRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST-JSON front of the emulator: routes {@code POST /<Operation>}, counts every request, applies injected
 * faults, enforces the 4 MiB request limit, and writes answers and errors the way the AWS SDKs read them.
 *
 * <ul>
 *   <li>Any Content-Type is accepted and the body is read as JSON; signatures and credentials are not checked.</li>
 *   <li>Errors are {@code {"__type": ..., "message": ...}} with an {@code x-amzn-ErrorType} header and the type's
 *       status; every answer has an {@code x-amzn-RequestId}.</li>
 *   <li>Another path, or another method than POST, is {@code UnknownOperationException} (404), still as JSON.</li>
 *   <li>A body that is not JSON, or not the operation's shape, is {@code BadRequestException} (400).</li>
 *   <li>A body over 4 MiB is {@code RequestEntityTooLargeException} (413), the status the service's front door
 *       answers. (The service counts headers in its 4 MiB too; they are a few hundred bytes, so only the body is
 *       counted here.) The body is never held in memory past the limit: the rest is read and thrown away (up to 64 MiB,
 *       after which the connection is closed), so that a client that writes its whole body before reading, as the
 *       SDK's URLConnection client does, still gets the answer.</li>
 * </ul>
 */
final class DataApiHttpHandler implements HttpHandler {

    static final int MAX_REQUEST_BYTES = 4 * 1024 * 1024;
    private static final long MAX_DISCARDED_BYTES = 64L * 1024 * 1024;
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.US_ASCII);
    private static final Logger LOG = LoggerFactory.getLogger(DataApiHttpHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final DataApiService service;
    private final DataApiFaults faults;
    private final DataApiCalls calls;
    private final PausableInstance instance;

    DataApiHttpHandler(DataApiService service, DataApiFaults faults, DataApiCalls calls, PausableInstance instance) {
        this.service = service;
        this.faults = faults;
        this.calls = calls;
        this.instance = instance;
    }

    @Override
    public void handle(HttpExchange exchange) {
        String requestId = UUID.randomUUID().toString();
        DataApiOperation operation = DataApiOperation.of(exchange.getRequestMethod(), exchange.getRequestURI().getPath());
        calls.record(operation);
        try {
            respond(exchange, requestId, operation);
        } catch (IOException e) {
            LOG.debug("could not answer request {}; the client went away", requestId, e);
        } finally {
            exchange.close();
        }
    }

    private void respond(HttpExchange exchange, String requestId, DataApiOperation operation) throws IOException {
        try {
            byte[] answer = JSON.writeValueAsBytes(answer(operation, exchange));
            send(exchange, 200, requestId, answer);
        } catch (DataApiException e) {
            sendError(exchange, requestId, e);
        } catch (RuntimeException e) {
            LOG.error("{} failed unexpectedly (request {})", operation, requestId, e);
            sendError(exchange, requestId, DataApiException.of(DataApiErrorType.INTERNAL_SERVER_ERROR,
                    "An internal error occurred; request id " + requestId));
        }
    }

    private Object answer(DataApiOperation operation, HttpExchange exchange) throws IOException {
        if (operation == DataApiOperation.UNKNOWN) {
            throw DataApiException.of(DataApiErrorType.UNKNOWN_OPERATION, "No operation is served at "
                    + exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
                    + "; the Data API operations are POST /Execute, /BatchExecute, /BeginTransaction, "
                    + "/CommitTransaction and /RollbackTransaction");
        }
        byte[] body = readBody(exchange);
        DataApiFaults.Plan plan = faults.nextCall();
        pause(plan.latency());
        if (plan.fault().isPresent()) {
            throw DataApiException.fromFault(plan.fault().get());
        }
        instance.admit();
        try {
            return serve(operation, body);
        } finally {
            instance.callEnded();
        }
    }

    private Object serve(DataApiOperation operation, byte[] body) {
        return switch (operation) {
            case EXECUTE_STATEMENT -> service.executeStatement(parse(body, ExecuteStatementRequest.class));
            case BATCH_EXECUTE_STATEMENT -> service.batchExecuteStatement(parse(body, BatchExecuteStatementRequest.class));
            case BEGIN_TRANSACTION -> service.beginTransaction(parse(body, BeginTransactionRequest.class));
            case COMMIT_TRANSACTION -> service.commitTransaction(parse(body, EndTransactionRequest.class));
            case ROLLBACK_TRANSACTION -> service.rollbackTransaction(parse(body, EndTransactionRequest.class));
            case EXECUTE_SQL -> throw DataApiService.executeSqlNotSupported();
            case UNKNOWN -> throw new IllegalStateException("unknown operations are answered above");
        };
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        InputStream body = exchange.getRequestBody();
        String declaredLength = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declaredLength != null && parseLength(declaredLength) > MAX_REQUEST_BYTES) {
            throw tooLarge(body);
        }
        byte[] bytes = body.readNBytes(MAX_REQUEST_BYTES + 1);
        if (bytes.length > MAX_REQUEST_BYTES) {
            throw tooLarge(body);
        }
        return bytes;
    }

    private static long parseLength(String declaredLength) {
        try {
            return Long.parseLong(declaredLength.trim());
        } catch (NumberFormatException e) {
            throw DataApiException.of(DataApiErrorType.BAD_REQUEST, "Content-Length is not a number");
        }
    }

    /** Reads the rest of an oversized body into a small buffer and drops it; see the class comment for why. */
    private static DataApiException tooLarge(InputStream body) throws IOException {
        byte[] sink = new byte[64 * 1024];
        long discarded = 0;
        int read;
        while (discarded < MAX_DISCARDED_BYTES && (read = body.read(sink)) >= 0) {
            discarded += read;
        }
        return DataApiException.of(DataApiErrorType.REQUEST_TOO_LARGE,
                "The request is larger than the Data API's 4 MiB limit");
    }

    private static <T> T parse(byte[] body, Class<T> requestType) {
        try {
            return JSON.readValue(body.length == 0 ? EMPTY_OBJECT : body, requestType);
        } catch (JsonMappingException e) {
            throw DataApiException.of(DataApiErrorType.BAD_REQUEST,
                    "The request body does not have the operation's shape at '" + path(e) + "'");
        } catch (JsonProcessingException e) {
            throw DataApiException.of(DataApiErrorType.BAD_REQUEST, "The request body is not valid JSON");
        } catch (IOException e) {
            throw new IllegalStateException("reading from a byte array does not fail", e);
        }
    }

    /** Where a shape mismatch is, in member names ({@code parameters[0].value}), without Java class names. */
    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? "." + reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static void pause(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sendError(HttpExchange exchange, String requestId, DataApiException error) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", error.type());
        ErrorResponse body = new ErrorResponse(error.type(), error.getMessage(),
                error.dbConnectionId().isPresent() ? error.dbConnectionId().getAsLong() : null);
        send(exchange, error.statusCode(), requestId, JSON.writeValueAsBytes(body));
    }

    private static void send(HttpExchange exchange, int status, String requestId, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
