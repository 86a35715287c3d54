package dev.ec2inventory.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.ec2inventory.dataapi.EmulatedCluster;
import dev.ec2inventory.inventory.InventoryRepository;
import dev.ec2inventory.inventory.InventoryUnavailableException;
import dev.ec2inventory.local.dataapi.DataApiFault;
import dev.ec2inventory.local.dataapi.DataApiOperation;
import dev.ec2inventory.testing.EmulatedDatabase;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every route, and the state-change function, with the emulator's deadlock (MySQL 1213, as the Data API reports it) on
 * its first statement: whether that statement runs in a transaction or on its own, the work is run again and the
 * route answers as it would have; a deadlock that outlasts the retry budget is "retry later", never a failure.
 */
@EmulatedDatabase
class DeadlockOnEveryRouteIT {

    private static final String INSTANCE = "i-01aaae43feb712345";
    private static final int ATTEMPTS = EmulatedCluster.QUICK_RETRIES.maxAttempts();

    private static EmulatedCluster cluster;
    private static FunctionWiring wiring;

    @BeforeAll
    static void start(EmulatedCluster emulated) {
        cluster = emulated;
        wiring = LoggedLines.quiet(new InventoryRepository(cluster.dataApi()));
    }

    @BeforeEach
    void addTheInstance() {
        assertThat(new AddEc2InfoHandler(wiring).handleRequest(event("post-ec2-info.json"), TestContext.create())
                .getStatusCode()).isEqualTo(200);
        cluster.reset();
    }

    enum Route {
        POST(true, AddEc2InfoHandler::new, () -> event("post-ec2-info.json")
                .withPathParameters(Map.of("aws_instance_id", "i-0added")), "\"new_record\""),
        PUT_PACKAGES(true, ReplaceEc2PackagesHandler::new, () -> event("put-ec2-packages.json"),
                "\"record_found\":true"),
        GET(false, GetEc2InfoHandler::new, () -> event("get-ec2-info.json"), "\"record_found\":true"),
        DELETE(false, DeleteEc2InfoHandler::new, () -> event("delete-ec2-info.json"), "{\"deleted\":true}"),
        LIST(false, ListEc2InfoHandler::new, () -> event("list-ec2-info.json"), INSTANCE),
        PACKAGE_USAGE(false, GetPackageHandler::new, () -> new APIGatewayProxyRequestEvent()
                .withPathParameters(Map.of("package_name", "package-1")), "\"instance_count\":1");

        /** Whether its first statement runs in a transaction: BeginTransaction comes first, RollbackTransaction after. */
        final boolean inTransaction;
        final Function<FunctionWiring, InventoryRoute> handler;
        final Supplier<APIGatewayProxyRequestEvent> request;
        final String inSuccessfulBody;

        Route(boolean inTransaction, Function<FunctionWiring, InventoryRoute> handler,
                Supplier<APIGatewayProxyRequestEvent> request, String inSuccessfulBody) {
            this.inTransaction = inTransaction;
            this.handler = handler;
            this.request = request;
            this.inSuccessfulBody = inSuccessfulBody;
        }

        APIGatewayProxyResponseEvent call() {
            return handler.apply(wiring).handleRequest(request.get(), TestContext.create());
        }
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void aRouteWhoseFirstStatementLosesADeadlockAnswersAsUsual(Route route) {
        deadlockTheFirstStatementOfAttempts(1, route.inTransaction);

        APIGatewayProxyResponseEvent response = route.call();

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getBody()).contains(route.inSuccessfulBody);
        assertThat(attempts(route.inTransaction)).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(Route.class)
    void aDeadlockThatOutlastsTheBudgetIsA503WithRetryAfter(Route route) {
        deadlockTheFirstStatementOfAttempts(ATTEMPTS, route.inTransaction);

        APIGatewayProxyResponseEvent response = route.call();

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(503);
        assertThat(response.getHeaders()).containsEntry("Retry-After", "10");
        assertThat(attempts(route.inTransaction)).isEqualTo(ATTEMPTS);
    }

    @Test
    void aTerminationWhoseDeleteLosesADeadlockRemovesTheInstance() {
        deadlockTheFirstStatementOfAttempts(1, false);

        Map<String, Object> outcome = new Ec2StateChangeLambda(wiring)
                .handleRequest(StateChangeEvents.event("terminated"), TestContext.create());

        assertThat(outcome).containsEntry("outcome", "deleted");
        assertThat(attempts(false)).isEqualTo(2);
    }

    /** Thrown, for Lambda's asynchronous retries to deliver the event again later. */
    @Test
    void aTerminationWhoseDeadlockOutlastsTheBudgetIsRetriedLater() {
        deadlockTheFirstStatementOfAttempts(ATTEMPTS, false);
        Ec2StateChangeLambda lambda = new Ec2StateChangeLambda(wiring);

        assertThatThrownBy(() -> lambda.handleRequest(StateChangeEvents.event("terminated"), TestContext.create()))
                .isInstanceOf(InventoryUnavailableException.class);
        assertThat(attempts(false)).isEqualTo(ATTEMPTS);
        assertThat(cluster.database.queryLong("SELECT COUNT(*) FROM ec2")).isEqualTo(1);
    }

    /** An attempt in a transaction is three calls: BeginTransaction, the statement, RollbackTransaction. */
    private static void deadlockTheFirstStatementOfAttempts(int count, boolean inTransaction) {
        int firstStatement = inTransaction ? 2 : 1;
        int callsPerAttempt = inTransaction ? 3 : 1;
        for (int attempt = 0; attempt < count; attempt++) {
            cluster.emulator.faults().failNthCallFromNow(firstStatement + callsPerAttempt * attempt,
                    DataApiFault.deadlock());
        }
    }

    private static long attempts(boolean inTransaction) {
        return cluster.calls(inTransaction ? DataApiOperation.BEGIN_TRANSACTION : DataApiOperation.EXECUTE_STATEMENT);
    }

    private static APIGatewayProxyRequestEvent event(String fixture) {
        return EventLoader.loadApiGatewayRestEvent("events/" + fixture);
    }
}
