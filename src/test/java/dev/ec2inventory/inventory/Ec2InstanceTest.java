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
    void loneSurrogatesAreNotText() {
        assertInvalid(() -> new InstalledPackage("us\ud800", "1"), "package_name", "must be valid UTF-8 text");
        assertInvalid(() -> new InstalledPackage("p", "\udc00x"), "package_version", "must be valid UTF-8 text");
        assertInvalid(() -> new Ec2Instance("i-\udc00\ud800", "r", "a", List.of()), "aws_instance_id",
                "must be valid UTF-8 text");
        assertThat(new InstalledPackage("\ud83d\ude80", "1").packageName()).isEqualTo("\uD83D\uDE80");
    }

    @Test
    void controlCharactersAreRefusedAnywhere() {
        for (String control : List.of("\u0000", "\u0001", "\n", "\u001f", "\u007f")) {
            assertInvalid(() -> new InstalledPackage("a" + control + "b", "1"), "package_name",
                    "must not contain control characters");
        }
        assertInvalid(() -> new Ec2Instance("i-1", "us-east-1", "1\u00002", List.of()), "aws_account",
                "must not contain control characters");
        assertThat(new InstalledPackage("a\u0080b", "1").packageName()).as("C1 controls are text").hasSize(3);
    }

    @Test
    void noValueBeginsOrEndsWithWhitespace() {
        assertInvalid(() -> new InstalledPackage("a ", "1"), "package_name", "must not begin or end with whitespace");
        assertInvalid(() -> new InstalledPackage(" a", "1"), "package_name", "must not begin or end with whitespace");
        assertInvalid(() -> new InstalledPackage("a", "1\u00a0"), "package_version",
                "must not begin or end with whitespace");
        assertInvalid(() -> Ec2Instance.requireValidInstanceId("x-CaseId\u3000"), "aws_instance_id",
                "must not begin or end with whitespace");
        assertThat(new InstalledPackage("a b", "1 2").packageName()).isEqualTo("a b");
    }

    @Test
    void checksRunInTheOrderTheSpecGives() {
        assertInvalid(() -> new InstalledPackage(" \t", "1"), "package_name", "must not be blank");
        assertInvalid(() -> new InstalledPackage(" \ud800\u0000", "1"), "package_name", "must be valid UTF-8 text");
        assertInvalid(() -> new InstalledPackage(" \u0000", "1"), "package_name",
                "must not contain control characters");
        assertInvalid(() -> new InstalledPackage(" " + "p".repeat(100), "1"), "package_name",
                "must not begin or end with whitespace");
    }

    @Test
    void lengthsCountCharactersAsMySqlDoes() {
        String thirtyEmoji = "\uD83D\uDE80".repeat(30); // 60 UTF-16 units, 30 characters

        assertThat(new Ec2Instance("i-1", thirtyEmoji, "a", List.of()).awsRegion()).isEqualTo(thirtyEmoji);
    }

    private static void assertInvalid(Runnable construction, String field, String problem) {
        assertThatThrownBy(construction::run)
                .isInstanceOf(InvalidFieldException.class)
                .hasMessage(field + " " + problem);
    }
}
