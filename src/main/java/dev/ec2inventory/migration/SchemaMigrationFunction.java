package dev.ec2inventory.migration;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import dev.ec2inventory.dataapi.DataApiClient;
import dev.ec2inventory.dataapi.DatabaseSecrets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.lambda.powertools.cloudformation.AbstractCustomResourceHandler;
import software.amazon.lambda.powertools.cloudformation.Response;

/**
 * The {@code InventorySchema} custom resource; a stack delete never drops data. Every outcome is an answer, never an
 * exception, so that a stack never waits for one. docs/migrations.md gives the failure model.
 */
public final class SchemaMigrationFunction extends AbstractCustomResourceHandler {

    private final MigrationSettings settings;
    private final String location;

    /** Lambda's entry point: the settings of this execution environment, the packaged migrations. */
    public SchemaMigrationFunction() {
        this(MigrationSettings.from(System.getenv()), SchemaMigration.LOCATION);
    }

    /** For hosts other than Lambda, and for tests, which may give another {@code location}. */
    public SchemaMigrationFunction(MigrationSettings settings, String location) {
        this.settings = settings;
        this.location = location;
    }

    @Override
    protected Response create(CloudFormationCustomResourceEvent event, Context context) {
        return migrate(settings.schemaId(), context);
    }

    /** Keeps the physical id CloudFormation has, so that it never deletes the schema "replaced" by an update. */
    @Override
    protected Response update(CloudFormationCustomResourceEvent event, Context context) {
        return migrate(event.getPhysicalResourceId(), context);
    }

    @Override
    protected Response delete(CloudFormationCustomResourceEvent event, Context context) {
        context.getLogger().log("Delete of " + event.getPhysicalResourceId() + ": the schema and its data stay in "
                + "place; a stack delete never drops data", LogLevel.INFO);
        return Response.success(event.getPhysicalResourceId());
    }

    private Response migrate(String physicalResourceId, Context context) {
        Duration remaining = Duration.ofMillis(context.getRemainingTimeInMillis());
        try (DataApiClient client = settings.client(ResumeWait.budget(remaining))) {
            SchemaMigration migration = new SchemaMigration(settings.dataSource(client), location);
            SchemaMigration.MigrationReport report = migration.migrate(
                    () -> Duration.ofMillis(context.getRemainingTimeInMillis()),
                    line -> context.getLogger().log(line, LogLevel.INFO));
            context.getLogger().log("Migrated " + physicalResourceId + ": " + report.describe(), LogLevel.INFO);
            settings.applicationUserSecretArn().ifPresent(secretArn -> context.getLogger().log(
                    setUpApplicationUser(client, secretArn), LogLevel.INFO));
            return Response.builder().status(Response.Status.SUCCESS).physicalResourceId(physicalResourceId)
                    .value(data(report)).build();
        } catch (RuntimeException failure) {
            context.getLogger().log("Migration of " + physicalResourceId + " failed (request "
                    + context.getAwsRequestId() + "): " + FailureReason.fullText(failure), LogLevel.ERROR);
            return Response.builder().status(Response.Status.FAILED).physicalResourceId(physicalResourceId)
                    .reason(FailureReason.of(failure, context)).build();
        }
    }

    private String setUpApplicationUser(DataApiClient client, String secretArn) {
        try (DatabaseSecrets secrets = settings.secrets()) {
            return new ApplicationUser(client, settings.target())
                    .ensure(secrets.read(secretArn, "the application user's secret (DB_APP_SECRET_ARN)"), secretArn);
        }
    }

    /** Powertools' own line for this names the pre-signed ResponseURL, so simplelogger.properties turns it off. */
    @Override
    protected void onSendFailure(CloudFormationCustomResourceEvent event, Context context, Response response,
            Exception failure) {
        context.getLogger().log("The " + (response == null ? "FAILED" : response.getStatus()) + " answer could not"
                + " be sent to CloudFormation (" + failure.getClass().getName() + "); the stack waits for the"
                + " resource's service timeout", LogLevel.ERROR);
    }

    private static Map<String, Object> data(SchemaMigration.MigrationReport report) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("SchemaVersion", report.schemaVersion() == null ? "" : report.schemaVersion());
        data.put("MigrationsApplied", report.scripts().size());
        return data;
    }
}
