package dev.ec2inventory.dataapi.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class DataApiUrlTest {

    private static final String CLUSTER = "arn:aws:rds:eu-west-1:123456789012:cluster:inventory";
    private static final String SECRET = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!cluster-1a2b-AbCdEf";

    @Test
    void readsTheClusterArnWithItsColonsAndTheParameters() {
        DataApiUrl url = DataApiUrl.parse("jdbc:aws-data-api://" + CLUSTER + "?secretArn=" + SECRET
                + "&database=ec2_inventory_db");

        assertThat(url.target().resourceArn()).isEqualTo(CLUSTER);
        assertThat(url.target().secretArn()).isEqualTo(SECRET);
        assertThat(url.target().database()).isEqualTo("ec2_inventory_db");
        assertThat(url.endpoint()).isEmpty();
        assertThat(url.region()).isEmpty();
    }

    @Test
    void callsTheClustersOwnRegionUnlessTheUrlNamesOne() {
        String base = "jdbc:aws-data-api://" + CLUSTER + "?secretArn=" + SECRET + "&database=db";

        assertThat(DataApiUrl.parse(base).effectiveRegion()).isEqualTo("eu-west-1");
        assertThat(DataApiUrl.parse(base + "&region=us-east-1").effectiveRegion()).isEqualTo("us-east-1");
    }

    @Test
    void takesAnEndpointForTheLocalEmulator() {
        DataApiUrl url = DataApiUrl.parse("jdbc:aws-data-api://" + CLUSTER + "?secretArn=" + SECRET
                + "&database=db&endpoint=http%3A%2F%2F127.0.0.1%3A8080");

        assertThat(url.endpoint()).contains(URI.create("http://127.0.0.1:8080"));
    }

    @Test
    void decodesEveryPartSoThatSpecialCharactersCanBeWritten() {
        DataApiUrl url = DataApiUrl.parse("jdbc:aws-data-api://arn%3Aaws%3Ards%3Aus-east-1%3A1%3Acluster%3Ac"
                + "?secretArn=arn:aws:secretsmanager:us-east-1:1:secret:a%2Bb%26c&database=db");

        assertThat(url.target().resourceArn()).isEqualTo("arn:aws:rds:us-east-1:1:cluster:c");
        assertThat(url.target().secretArn()).isEqualTo("arn:aws:secretsmanager:us-east-1:1:secret:a+b&c");
    }

    @Test
    void writesItselfBackReadably() {
        String text = "jdbc:aws-data-api://" + CLUSTER + "?secretArn=" + SECRET.replace("!", "%21")
                + "&database=db&endpoint=http://127.0.0.1:8080&region=eu-west-1";

        DataApiUrl url = DataApiUrl.parse(text);

        assertThat(url.toString()).isEqualTo(text);
        assertThat(DataApiUrl.parse(url.toString())).isEqualTo(url);
    }

    @Test
    void acceptsOnlyItsOwnPrefix() {
        assertThat(DataApiUrl.accepts("jdbc:aws-data-api://" + CLUSTER)).isTrue();
        assertThat(DataApiUrl.accepts("jdbc:mysql://localhost/db")).isFalse();
        assertThat(DataApiUrl.accepts(null)).isFalse();
    }

    @Test
    void namesWhatIsMissingOrWrong() {
        assertThatThrownBy(() -> DataApiUrl.parse("jdbc:aws-data-api://" + CLUSTER + "?database=db"))
                .hasMessageContaining("secretArn is required");
        assertThatThrownBy(() -> DataApiUrl.parse("jdbc:aws-data-api://" + CLUSTER + "?secretArn=" + SECRET))
                .hasMessageContaining("database is required");
        assertThatThrownBy(() -> DataApiUrl.parse("jdbc:aws-data-api://inventory?secretArn=" + SECRET + "&database=db"))
                .hasMessageContaining("arn:aws:rds:<region>:<account>:cluster:<name>");
        assertThatThrownBy(() -> DataApiUrl.parse("jdbc:aws-data-api://" + CLUSTER + "?secretArn=" + SECRET
                + "&database=db&user=admin")).hasMessageContaining("unknown parameters [user]");
        assertThatThrownBy(() -> DataApiUrl.parse("jdbc:aws-data-api://" + CLUSTER + "?secretArn=" + SECRET
                + "&database=db&database=other")).hasMessageContaining("database twice");
        assertThatThrownBy(() -> DataApiUrl.parse("jdbc:aws-data-api://" + CLUSTER + "?secretArn=" + SECRET
                + "&database=db&endpoint=localhost")).hasMessageContaining("absolute URL");
        assertThatThrownBy(() -> DataApiUrl.parse("jdbc:aws-data-api://arn:aws:rds::1:cluster:c?secretArn=" + SECRET
                + "&database=db")).hasMessageContaining("names no region");
    }
}
