package dev.ec2inventory.dataapi;

import com.amazonaws.xray.AWSXRay;
import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.entities.TraceHeader;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * One X-Ray subsegment per Data API call, with the SQL text and the row count as metadata. Only where a trace exists:
 * elsewhere (tests, local runs, init) the recorder would log a complaint on every call.
 */
final class XRayTracing implements DataApiTracing {

    static final String METADATA_NAMESPACE = "data_api";

    private final AWSXRayRecorder recorder;
    private final Supplier<String> lambdaTraceHeader;

    XRayTracing(AWSXRayRecorder recorder, Supplier<String> lambdaTraceHeader) {
        this.recorder = recorder;
        this.lambdaTraceHeader = lambdaTraceHeader;
    }

    /** The global recorder, which Lambda's trace header feeds. */
    static XRayTracing global() {
        return new XRayTracing(AWSXRay.getGlobalRecorder(), XRayTracing::currentLambdaTraceHeader);
    }

    @Override
    public <T> T trace(String operation, String sql, Supplier<T> call, ToIntFunction<T> rowCount) {
        if (!hasTraceContext()) {
            return call.get();
        }
        Subsegment subsegment = recorder.beginSubsegment(operation);
        try {
            subsegment.setNamespace("remote");
            if (sql != null) {
                subsegment.putMetadata(METADATA_NAMESPACE, "sql", sql);
            }
            T response = call.get();
            subsegment.putMetadata(METADATA_NAMESPACE, "rows", rowCount.applyAsInt(response));
            return response;
        } catch (RuntimeException failure) {
            // The exception's message may quote parameter values (a duplicate key, for one): only its type goes.
            subsegment.setFault(true);
            subsegment.putMetadata(METADATA_NAMESPACE, "error", failure.getClass().getSimpleName());
            throw failure;
        } finally {
            recorder.endSubsegment();
        }
    }

    private boolean hasTraceContext() {
        if (recorder.getTraceEntity() != null) {
            return true;
        }
        String header = lambdaTraceHeader.get();
        if (header == null || header.isEmpty()) {
            return false;
        }
        TraceHeader parsed = TraceHeader.fromString(header);
        return parsed.getRootTraceId() != null && parsed.getParentId() != null && parsed.getSampled() != null;
    }

    /**
     * Lambda hands each invocation's trace header to Java functions in a system property (its environment cannot
     * change), and to others in {@code _X_AMZN_TRACE_ID}; outside Lambda there is none.
     */
    private static String currentLambdaTraceHeader() {
        if (System.getenv("LAMBDA_TASK_ROOT") == null) {
            return null;
        }
        String fromEnvironment = System.getenv("_X_AMZN_TRACE_ID");
        return fromEnvironment != null && !fromEnvironment.isEmpty()
                ? fromEnvironment
                : System.getProperty("com.amazonaws.xray.traceHeader");
    }
}
