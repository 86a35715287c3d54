package dev.ec2inventory.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Checks deploy_scripts/database.yaml, the database stack, and that the API stack can import from it. */
class DatabaseStackTemplateTest {

    private static final CloudFormationTemplate DATABASE = CloudFormationTemplate.read("deploy_scripts/database.yaml");
    private static final CloudFormationTemplate API = CloudFormationTemplate.read("template.yaml");

    /** Export names carry the exporting stack's name, so that two environments can share a Region. */
    private static final Pattern EXPORT_NAME = Pattern.compile("\\$\\{AWS::StackName}-(\\w+)");
    private static final Pattern IMPORT_NAME = Pattern.compile("\\$\\{DatabaseStackName}-(\\w+)");

    @Test
    void theDatabaseStackExportsExactlyWhatTheApiStackImports() {
        Set<String> exported = new TreeSet<>();
        DATABASE.root().path("Outputs").properties().forEach(output -> {
            String name = output.getValue().path("Export").path("Name").path("Fn::Sub").asText();
            exported.add(suffix(EXPORT_NAME, name, "export of output " + output.getKey()));
        });

        Set<String> imported = new TreeSet<>();
        for (JsonNode importValue : findAll(API.root(), "Fn::ImportValue")) {
            imported.add(suffix(IMPORT_NAME, importValue.path("Fn::Sub").asText(), "import " + importValue));
        }

        assertThat(exported)
                .containsExactly("DatabaseAppSecretArn", "DatabaseClusterArn", "DatabaseName", "DatabaseSecretArn");
        assertThat(imported).isEqualTo(exported);
    }

    @Test
    void theSecretExportedIsTheClustersManagedMasterUserSecret() {
        JsonNode cluster = DATABASE.resource("DBCluster").path("Properties");
        assertThat(cluster.path("ManageMasterUserPassword").asBoolean()).isTrue();
        assertThat(cluster.has("MasterUserPassword")).isFalse();
        assertThat(outputAttribute("DatabaseSecretArn")).containsExactly("DBCluster", "MasterUserSecret.SecretArn");
        assertThat(outputAttribute("DatabaseClusterArn")).containsExactly("DBCluster", "DBClusterArn");
    }

    @Test
    void theApplicationUsersSecretHasAFixedNameAndAGeneratedPasswordOfLettersAndDigits() throws Exception {
        JsonNode secret = DATABASE.resource("AppUserSecret");
        assertThat(secret.path("Type").asText()).isEqualTo("AWS::SecretsManager::Secret");
        JsonNode properties = secret.path("Properties");
        assertThat(properties.has("SecretString")).as("the password is generated, never written down").isFalse();
        assertThat(properties.path("Description").path("Fn::Sub").asText()).contains("ec2_inventory_app");

        JsonNode generated = properties.path("GenerateSecretString");
        assertThat(new ObjectMapper().readTree(generated.path("SecretStringTemplate").asText()))
                .isEqualTo(new ObjectMapper().createObjectNode().put("username", "ec2_inventory_app"));
        assertThat(generated.path("GenerateStringKey").asText()).isEqualTo("password");
        // The migration writes the password as a SQL string literal, which must never need escaping.
        assertThat(generated.path("ExcludePunctuation").asBoolean()).isTrue();
        assertThat(generated.path("IncludeSpace").asBoolean()).isFalse();
        assertThat(generated.path("PasswordLength").asInt()).isGreaterThanOrEqualTo(32);

        JsonNode output = DATABASE.root().path("Outputs").path("DatabaseAppSecretArn");
        assertThat(output.path("Value").path("Ref").asText()).isEqualTo("AppUserSecret");
    }

    @Test
    void theClusterIsAuroraMySqlServerlessV2ThatPausesAtZeroWithTheDataApiOn() {
        JsonNode cluster = DATABASE.resource("DBCluster").path("Properties");
        assertThat(cluster.path("Engine").asText()).isEqualTo("aurora-mysql");
        assertThat(cluster.path("EnableHttpEndpoint").asBoolean()).isTrue();
        assertThat(cluster.path("StorageEncrypted").asBoolean()).isTrue();
        assertThat(cluster.path("DeletionProtection").path("Ref").asText()).isEqualTo("DeletionProtection");

        JsonNode scaling = cluster.path("ServerlessV2ScalingConfiguration");
        assertThat(scaling.path("MinCapacity").asInt()).isZero();
        assertThat(scaling.path("MaxCapacity").path("Ref").asText()).isEqualTo("MaxCapacity");
        assertThat(scaling.path("SecondsUntilAutoPause").path("Ref").asText()).isEqualTo("SecondsUntilAutoPause");

        assertThat(DATABASE.resource("DBInstance").path("Properties").path("DBInstanceClass").asText())
                .isEqualTo("db.serverless");
    }

    @Test
    void theClusterKeepsAWeekOfBackupsExportsItsAuditLogAndIsNotPublic() {
        JsonNode cluster = DATABASE.resource("DBCluster").path("Properties");
        assertThat(cluster.path("BackupRetentionPeriod").path("Ref").asText()).isEqualTo("BackupRetentionPeriod");
        assertThat(DATABASE.parameter("BackupRetentionPeriod").path("Default").asInt()).isEqualTo(7);

        assertThat(CloudFormationTemplate.oneOrMany(cluster.path("EnableCloudwatchLogsExports")))
                .extracting(JsonNode::asText).containsExactly("audit");
        assertThat(cluster.path("DBClusterParameterGroupName").path("Ref").asText())
                .isEqualTo("DBClusterParameterGroup");
        JsonNode parameterGroup = DATABASE.resource("DBClusterParameterGroup").path("Properties");
        assertThat(parameterGroup.path("Family").asText()).as("Aurora MySQL 3").isEqualTo("aurora-mysql8.0");
        JsonNode parameters = parameterGroup.path("Parameters");
        assertThat(parameters.path("server_audit_logging").asText()).isIn("1", "ON");
        assertThat(parameters.path("server_audit_events").asText().split(","))
                .containsExactlyInAnyOrder("CONNECT", "QUERY_DCL", "QUERY_DDL");

        // The export's log group, named as RDS names it (the identifier in lower case), with a retention.
        JsonNode auditLog = DATABASE.resource("AuditLogGroup").path("Properties");
        assertThat(auditLog.path("LogGroupName").path("Fn::Sub").asText())
                .isEqualTo("/aws/rds/cluster/${DBClusterName}/audit");
        assertThat(auditLog.path("RetentionInDays").path("Ref").asText()).isEqualTo("AuditLogRetentionInDays");
        assertThat(Pattern.compile(DATABASE.parameter("DBClusterName").path("AllowedPattern").asText())
                .matcher("Dev-Cluster").matches()).isFalse();

        JsonNode instance = DATABASE.resource("DBInstance").path("Properties");
        assertThat(instance.path("PubliclyAccessible").isBoolean()).isTrue();
        assertThat(instance.path("PubliclyAccessible").asBoolean()).isFalse();
        assertThat(instance.path("AutoMinorVersionUpgrade").path("Ref").asText()).isEqualTo("AutoMinorVersionUpgrade");
        assertThat(DATABASE.parameter("AutoMinorVersionUpgrade").path("Default").asText()).isEqualTo("true");
    }

    @Test
    void theEngineVersionParameterAcceptsOnlyVersionsThatCanPauseAtZero() {
        JsonNode version = DATABASE.parameter("EngineVersion");
        Pattern allowed = Pattern.compile(version.path("AllowedPattern").asText());
        assertThat(allowed.matcher(version.path("Default").asText()).matches()).isTrue();
        assertThat(List.of("8.0.mysql_aurora.3.08.0", "8.0.mysql_aurora.3.09.0", "8.0.mysql_aurora.3.10.0"))
                .allMatch(accepted -> allowed.matcher(accepted).matches());
        assertThat(List.of("8.0.mysql_aurora.3.07.1", "8.0.mysql_aurora.3.05.2", "5.7.mysql_aurora.2.12.4"))
                .noneMatch(rejected -> allowed.matcher(rejected).matches());
    }

    /** The resource and attribute of an output's {@code Fn::GetAtt} value. */
    private static List<String> outputAttribute(String output) {
        JsonNode getAtt = DATABASE.root().path("Outputs").path(output).path("Value").path("Fn::GetAtt");
        return CloudFormationTemplate.oneOrMany(getAtt).stream().map(JsonNode::asText).toList();
    }

    private static String suffix(Pattern pattern, String name, String what) {
        Matcher matcher = pattern.matcher(name);
        assertThat(matcher.matches()).as("%s is named %s", what, name).isTrue();
        return matcher.group(1);
    }

    /** The values of every mapping entry with this key, anywhere in the tree. */
    private static List<JsonNode> findAll(JsonNode node, String key) {
        List<JsonNode> found = new ArrayList<>();
        if (node.has(key)) {
            found.add(node.get(key));
        }
        node.elements().forEachRemaining(child -> found.addAll(findAll(child, key)));
        return found;
    }
}
