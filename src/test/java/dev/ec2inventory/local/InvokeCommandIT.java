package dev.ec2inventory.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ec2inventory.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code invoke <LogicalId> --event <file>} with each sample event under events/, against the local stack. */
class InvokeCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.empty("invoke");
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @Test
    void invokesEachFunctionWithItsSampleEvent() throws Exception {
        Invocation added = invoke("invoke", "AddEC2InfoLambda", "--event", "events/AddEC2InfoLambda.json");
        Invocation got = invoke("invoke", "GetEC2InfoLambda", "--event", "events/GetEC2InfoLambda.json");

        assertThat(added.exitCode()).as(added.error()).isZero();
        JsonNode addResponse = JSON.readTree(added.output());
        assertThat(addResponse.get("statusCode").asInt()).as(added.output()).isEqualTo(200);
        assertThat(JSON.readTree(addResponse.get("body").asText()).has("new_record")).isTrue();

        assertThat(got.exitCode()).as(got.error()).isZero();
        JsonNode getResponse = JSON.readTree(got.output());
        assertThat(getResponse.get("statusCode").asInt()).isEqualTo(200);
        JsonNode body = JSON.readTree(getResponse.get("body").asText());
        assertThat(body.get("record_found").asBoolean()).isTrue();
        assertThat(body.get("record").get("aws_instance_id").asText()).isEqualTo("i-01aaae43feb712345");
    }

    /**
     * The lifecycle functions with their sample events, in an order where each finds what it needs; the first DELETE
     * clears what the other test may have added.
     */
    @Test
    void invokesTheLifecycleFunctionsWithTheirSampleEvents() throws Exception {
        apiBody(invoke("invoke", "DeleteEC2InfoLambda", "--event", "events/DeleteEC2InfoLambda.json"));
        Invocation added = invoke("invoke", "AddEC2InfoLambda", "--event", "events/AddEC2InfoLambda.json");
        assertThat(added.exitCode()).as(added.error()).isZero();

        JsonNode replaced = apiBody(invoke("invoke", "ReplaceEC2PackagesLambda", "--event",
                "events/ReplaceEC2PackagesLambda.json"));
        JsonNode listed = apiBody(invoke("invoke", "ListEC2InfoLambda", "--event", "events/ListEC2InfoLambda.json"));
        JsonNode usage = apiBody(invoke("invoke", "GetPackageLambda", "--event", "events/GetPackageLambda.json"));
        Invocation terminated = invoke("invoke", "Ec2StateChangeLambda", "--event",
                "events/Ec2StateChangeLambda.json");
        JsonNode deleted = apiBody(invoke("invoke", "DeleteEC2InfoLambda", "--event",
                "events/DeleteEC2InfoLambda.json"));

        assertThat(replaced.path("record").path("packages").findValuesAsText("package_version"))
                .containsExactly("v3", "v1");
        assertThat(listed.path("records")).isEmpty();
        assertThat(listed.path("next_token").isNull()).isTrue();
        assertThat(usage.path("versions").findValuesAsText("package_version")).containsExactly("v1", "v2", "v3");
        assertThat(usage.path("versions").findValuesAsText("instance_count")).containsExactly("0", "0", "1");
        assertThat(terminated.exitCode()).as(terminated.error()).isZero();
        assertThat(JSON.readTree(terminated.output()).path("outcome").asText()).isEqualTo("deleted");
        assertThat(deleted.toString()).isEqualTo("{\"deleted\":false}");
    }

    private static JsonNode apiBody(Invocation invocation) throws Exception {
        assertThat(invocation.exitCode()).as(invocation.error()).isZero();
        JsonNode response = JSON.readTree(invocation.output());
        assertThat(response.path("statusCode").asInt()).as(invocation.output()).isEqualTo(200);
        return JSON.readTree(response.path("body").asText());
    }

    @Test
    void printsWhatCloudFormationWouldReceiveFromTheMigrationFunction() throws Exception {
        Invocation migrated = invoke("invoke", "SchemaMigrationFunction", "--event",
                "events/SchemaMigrationFunction.json");

        assertThat(migrated.exitCode()).as(migrated.error()).isZero();
        JsonNode answer = JSON.readTree(migrated.output());
        assertThat(answer.get("Status").asText()).as(migrated.output()).isEqualTo("SUCCESS");
        assertThat(answer.get("PhysicalResourceId").asText()).isEqualTo("ec2-inventory-local/" + database.name());
        assertThat(answer.get("LogicalResourceId").asText()).isEqualTo("InventorySchema");
        assertThat(answer.get("RequestId").asText()).isEqualTo("4d7f1c2e-1b2a-4c3d-8e9f-0a1b2c3d4e5f");
        // The stack's start-up migration ran first, so the sample event finds nothing left to apply.
        assertThat(answer.get("Data").get("SchemaVersion").asText()).isEqualTo("2");
        assertThat(answer.get("Data").get("MigrationsApplied").asInt()).isZero();
    }

    @Test
    void namesTheFunctionsItKnowsWhenTheLogicalIdIsWrong() {
        Invocation invocation = invoke("invoke", "NoSuchLambda", "--event", "events/GetEC2InfoLambda.json");

        assertThat(invocation.exitCode()).isNotZero();
        assertThat(invocation.error()).contains("NoSuchLambda").contains("AddEC2InfoLambda", "GetEC2InfoLambda");
    }

    private static Invocation invoke(String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new LocalCli());
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        String[] withDatabase = new String[arguments.length + 4];
        System.arraycopy(arguments, 0, withDatabase, 0, arguments.length);
        withDatabase[arguments.length] = "--db-url";
        withDatabase[arguments.length + 1] = database.server().jdbcUrlWithCredentials(database.name());
        withDatabase[arguments.length + 2] = "--data-api-port";
        withDatabase[arguments.length + 3] = "0";
        int exitCode = command.execute(withDatabase);
        return new Invocation(exitCode, out.toString(), err.toString());
    }

    private record Invocation(int exitCode, String output, String error) {
    }
}
