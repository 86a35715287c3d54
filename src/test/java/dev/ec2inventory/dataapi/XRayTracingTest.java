package dev.ec2inventory.dataapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.contexts.LambdaSegmentContext;
import com.amazonaws.xray.contexts.SegmentContextResolverChain;
import com.amazonaws.xray.emitters.Emitter;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.strategy.RuntimeErrorContextMissingStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class XRayTracingTest {

    private static final String SQL = "select `ec2`.`aws_region` from `ec2` where `ec2`.`aws_instance_id` = :p1";
    private static final String LAMBDA_TRACE_HEADER =
            "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";
    private static final String TRACE_HEADER_PROPERTY = "com.amazonaws.xray.traceHeader";

    private final CapturingEmitter emitter = new CapturingEmitter();

    @AfterEach
    void forgetTheInvocation() {
        System.clearProperty(TRACE_HEADER_PROPERTY);
    }

    @Test
    void aLambdaInvocationGetsOneSubsegmentPerCallWithSqlAndRows() {
        System.setProperty(TRACE_HEADER_PROPERTY, LAMBDA_TRACE_HEADER);
        XRayTracing tracing = new XRayTracing(lambdaRecorder(), () -> System.getProperty(TRACE_HEADER_PROPERTY));

        String response = tracing.trace("ExecuteStatement", SQL, () -> "three rows", rows -> 3);

        assertThat(response).isEqualTo("three rows");
        assertThat(emitter.subsegments).singleElement().satisfies(subsegment -> {
            assertThat(subsegment.getName()).isEqualTo("ExecuteStatement");
            assertThat(subsegment.getNamespace()).isEqualTo("remote");
            assertThat(metadata(subsegment)).containsEntry("sql", SQL).containsEntry("rows", 3);
        });
    }

    @Test
    void transactionCallsCarryNoSql() {
        System.setProperty(TRACE_HEADER_PROPERTY, LAMBDA_TRACE_HEADER);
        XRayTracing tracing = new XRayTracing(lambdaRecorder(), () -> System.getProperty(TRACE_HEADER_PROPERTY));

        tracing.trace("BeginTransaction", null, () -> "tx", rows -> 0);

        assertThat(emitter.subsegments).singleElement().satisfies(subsegment -> {
            assertThat(subsegment.getName()).isEqualTo("BeginTransaction");
            assertThat(metadata(subsegment)).doesNotContainKey("sql").containsEntry("rows", 0);
        });
    }

    @Test
    void aFailureIsAFaultNamingOnlyTheExceptionType() {
        System.setProperty(TRACE_HEADER_PROPERTY, LAMBDA_TRACE_HEADER);
        XRayTracing tracing = new XRayTracing(lambdaRecorder(), () -> System.getProperty(TRACE_HEADER_PROPERTY));

        assertThatThrownBy(() -> tracing.trace("ExecuteStatement", SQL, () -> {
            throw new IllegalStateException("Duplicate entry 'secret-value'");
        }, rows -> 0)).hasMessageContaining("secret-value");

        assertThat(emitter.subsegments).singleElement().satisfies(subsegment -> {
            assertThat(subsegment.isFault()).isTrue();
            assertThat(metadata(subsegment)).containsEntry("error", "IllegalStateException");
            assertThat(subsegment.getCause().getExceptions()).isEmpty();
            assertThat(metadata(subsegment).toString()).doesNotContain("secret-value");
        });
    }

    @Test
    void aSegmentBegunOnThisThreadCollectsTheSubsegments() {
        AWSXRayRecorder recorder = AWSXRayRecorderBuilder.standard().withEmitter(emitter).build();
        XRayTracing tracing = new XRayTracing(recorder, () -> null);

        recorder.beginSegment("local-host");
        tracing.trace("ExecuteStatement", SQL, () -> "ok", rows -> 1);
        recorder.endSegment();

        assertThat(emitter.segments).singleElement()
                .satisfies(segment -> assertThat(segment.getSubsegmentsCopy()).singleElement()
                        .satisfies(subsegment -> assertThat(subsegment.getName()).isEqualTo("ExecuteStatement")));
    }

    @Test
    void withoutATraceTheRecorderIsNeverAsked() {
        // This strategy throws whenever anyone asks the recorder for a subsegment without a trace to hang it on.
        AWSXRayRecorder recorder = AWSXRayRecorderBuilder.standard().withEmitter(emitter)
                .withContextMissingStrategy(new RuntimeErrorContextMissingStrategy()).build();
        XRayTracing tracing = new XRayTracing(recorder, () -> null);

        assertThat(tracing.trace("ExecuteStatement", SQL, () -> "ok", rows -> 1)).isEqualTo("ok");
        assertThat(emitter.subsegments).isEmpty();
        assertThat(emitter.segments).isEmpty();
    }

    @Test
    void anIncompleteLambdaHeaderIsNoTrace() {
        // Lambda's init phase runs with no parent id or sampling decision yet.
        System.setProperty(TRACE_HEADER_PROPERTY, "Root=1-5759e988-bd862e3fe1be46a994272793");
        XRayTracing tracing = new XRayTracing(lambdaRecorder(), () -> System.getProperty(TRACE_HEADER_PROPERTY));

        assertThat(tracing.trace("ExecuteStatement", SQL, () -> "ok", rows -> 1)).isEqualTo("ok");
        assertThat(emitter.subsegments).isEmpty();
    }

    /** A recorder that resolves Lambda's context, as it does inside Lambda, where LAMBDA_TASK_ROOT is set. */
    private AWSXRayRecorder lambdaRecorder() {
        SegmentContextResolverChain lambdaOnly = new SegmentContextResolverChain();
        lambdaOnly.addResolver(LambdaSegmentContext::new);
        return AWSXRayRecorderBuilder.standard().withEmitter(emitter).withSegmentContextResolverChain(lambdaOnly)
                .withContextMissingStrategy(new RuntimeErrorContextMissingStrategy()).build();
    }

    private static Map<String, Object> metadata(Subsegment subsegment) {
        return subsegment.getMetadata().get(XRayTracing.METADATA_NAMESPACE);
    }

    private static final class CapturingEmitter extends Emitter {

        final List<Segment> segments = new ArrayList<>();
        final List<Subsegment> subsegments = new ArrayList<>();

        @Override
        public boolean sendSegment(Segment segment) {
            segments.add(segment);
            return true;
        }

        @Override
        public boolean sendSubsegment(Subsegment subsegment) {
            subsegments.add(subsegment);
            return true;
        }
    }
}
