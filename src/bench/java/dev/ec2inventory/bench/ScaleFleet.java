package dev.ec2inventory.bench;

import dev.ec2inventory.testing.TestDatabase;

/**
 * A fleet of 100,000 instances and 2,000,000 package links, written straight through SQL from MariaDB's sequence
 * tables ({@code seq_1_to_N}). Instance n has the id {@code i-} + n in 17 hex digits, so id order is n's order. Half
 * the instances are in {@link #LARGE_ACCOUNT}, the rest in three smaller accounts; five regions take a fifth each.
 * Every instance has 20 packages: {@link #COMMON_PACKAGE} (at one of three versions), {@link #TWO_PERCENT_PACKAGE} on
 * every 50th, {@link #RARE_PACKAGE} on exactly five, and the rest from 19 pools of 100 names at four versions.
 */
final class ScaleFleet {

    static final int INSTANCES = 100_000;
    static final int PACKAGES_PER_INSTANCE = 20;
    static final String LARGE_ACCOUNT = "111111111111";
    static final String REGION = "eu-west-1";
    static final String COMMON_PACKAGE = "glibc";
    static final String TWO_PERCENT_PACKAGE = "nginx";
    static final String RARE_PACKAGE = "rare-agent";
    static final String ABSENT_PACKAGE = "absent-package";

    private static final String INSTANCE_ID = "CONCAT('i-', LPAD(LOWER(HEX(%s)), 17, '0'))";

    private ScaleFleet() {
    }

    static String instanceId(int n) {
        return String.format("i-%017x", n);
    }

    /** Loads the fleet into the migrated, empty {@code database}, and brings its index statistics up to date. */
    static void load(TestDatabase database) {
        database.execute(
                "INSERT INTO ec2 (aws_instance_id, aws_region, aws_account, creation_date_utc) SELECT "
                        + INSTANCE_ID.formatted("seq") + ", "
                        + "ELT(1 + (seq DIV 10) % 5, 'us-east-1', 'us-west-2', '" + REGION + "', 'eu-central-1', "
                        + "'ap-southeast-2'), "
                        + "ELT(1 + seq % 10, " + ("'" + LARGE_ACCOUNT + "', ").repeat(5)
                        + "'222222222222', '222222222222', '222222222222', '333333333333', '444444444444'), "
                        + "TIMESTAMP '2026-01-01 00:00:00' + INTERVAL seq MINUTE "
                        + "FROM seq_1_to_" + INSTANCES,
                // Links first and the catalogue from them after: the session skips the foreign key checks meanwhile.
                "SET SESSION foreign_key_checks = 0",
                // One sequence in link order (instance n, then its slot): no join and no sort, so no temporary table.
                "INSERT INTO ec2_package (aws_instance_id, package_name, package_version) SELECT "
                        + INSTANCE_ID.formatted("n") + ", "
                        + "CASE WHEN slot = 1 THEN '" + COMMON_PACKAGE + "' "
                        + "WHEN slot = 2 AND n % 50 = 0 THEN '" + TWO_PERCENT_PACKAGE + "' "
                        + "WHEN slot = 3 AND n IN (7, 23011, 45853, 70001, 99991) THEN '" + RARE_PACKAGE + "' "
                        + "ELSE CONCAT('lib', slot, '-', LPAD((n * 37 + slot) % 100, 3, '0')) END, "
                        + "CASE WHEN slot = 1 THEN ELT(1 + n % 3, '2.34-100.amzn2023', '2.34-117.amzn2023', "
                        + "'2.34-125.amzn2023') ELSE CONCAT('1.', n % 4, '.0') END "
                        + "FROM (SELECT seq DIV " + PACKAGES_PER_INSTANCE + " + 1 AS n, seq % " + PACKAGES_PER_INSTANCE
                        + " + 1 AS slot FROM seq_0_to_" + (INSTANCES * PACKAGES_PER_INSTANCE - 1) + ") link",
                "SET SESSION foreign_key_checks = 1",
                "INSERT INTO package (package_name, package_version) "
                        + "SELECT DISTINCT package_name, package_version FROM ec2_package",
                "ANALYZE TABLE ec2, package, ec2_package");
    }
}
