package dev.ec2inventory.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class Ec2InstanceTest {

    @Test
    void limitsComeFromTheSchema() {
        assertThat(List.of(InventoryLimits.AWS_INSTANCE_ID_LENGTH, InventoryLimits.AWS_REGION_LENGTH,
                InventoryLimits.AWS_ACCOUNT_LENGTH, InventoryLimits.PACKAGE_NAME_LENGTH,
                InventoryLimits.PACKAGE_VERSION_LENGTH)).containsExactly(255, 30, 13, 100, 50);
    }

    @Test
    void aPackageListedTwiceIsKeptOnceInFirstSeenOrder() {
        InstalledPackage v2 = new InstalledPackage("package-1", "v2");
        InstalledPackage v1 = new InstalledPackage("package-1", "v1");

        Ec2Instance instance = new Ec2Instance("i-1", "us-east-1", "123456789012", List.of(v2, v1, v2));

        assertThat(instance.packages()).containsExactly(v2, v1);
    }

    @Test
    void fieldsAreRequiredNotBlankAndWithinTheirColumns() {
        assertInvalid(() -> new Ec2Instance(null, "r", "a", List.of()), "aws_instance_id", "is required");
        assertInvalid(() -> new Ec2Instance("i-1", " ", "a", List.of()), "aws_region", "must not be blank");
        assertInvalid(() -> new Ec2Instance("i-1", "r", "1".repeat(14), List.of()), "aws_account",
                "must be at most 13 characters");
        assertInvalid(() -> new InstalledPackage("p".repeat(101), "v"), "package_name",
                "must be at most 100 characters");
        assertInvalid(() -> new InstalledPackage("p", ""), "package_version", "must not be blank");
    }

    @Test
    void lengthsCountCharactersAsMySqlDoes() {
        String thirtyEmoji = "\uD83D\uDE80".repeat(30); // 60 UTF-16 units, 30 characters

        assertThat(new Ec2Instance("i-1", thirtyEmoji, "a", List.of()).awsRegion()).isEqualTo(thirtyEmoji);
    }

    private static void assertInvalid(Runnable construction, String field, String problem) {
        assertThatThrownBy(construction::run)
                .isInstanceOfSatisfying(InvalidFieldException.class, invalid -> {
                    assertThat(invalid.field()).isEqualTo(field);
                    assertThat(invalid.problem()).isEqualTo(problem);
                    assertThat(invalid.getMessage()).isEqualTo(field + " " + problem);
                });
    }
}
