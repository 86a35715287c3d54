package dev.ec2inventory.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The fixed answers of the benchmarks' Data API ({@link StubDataApi} over HTTP, {@link InMemoryRdsDataClient} in
 * memory): one stored instance with four packages, whatever is asked. What a SELECT returns depends on its shape:
 * the functions' one joined SELECT, or either of the seed's two.
 */
final class FixedAnswers {

    static final String INSTANCE_ID = "i-01aaae43feb712345";
    static final String TRANSACTION_ID = "AQC5SRDIm+Rsq0/L1MZ8E6fbprm9ghLrpDsTaXu7MCt2Ue23mQgOIOQ1a/3YDE2OTE5RT";
    private static final String REGION = "us-east-1";
    private static final String ACCOUNT = "123456789012";
    private static final String CREATED = "2026-11-25 11:24:48";
    private static final List<List<String>> PACKAGES = List.of(List.of("package-1", "v1"), List.of("package-1", "v2"),
            List.of("package-2", "v1"), List.of("package-3", "v1"));

    /** A column as the service describes it for MySQL. */
    record Column(String name, String table, int jdbcType, String typeName, int precision) {
    }

    /** What a SELECT returns: its columns' metadata and its rows, every value a string or null (SQL NULL). */
    record ResultSet(List<Column> columns, List<List<String>> rows) {
    }

    private static final Column AWS_INSTANCE_ID = new Column("aws_instance_id", "ec2", 12, "VARCHAR", 30);
    private static final Column AWS_REGION = new Column("aws_region", "ec2", 12, "VARCHAR", 20);
    private static final Column AWS_ACCOUNT = new Column("aws_account", "ec2", 12, "VARCHAR", 20);
    private static final Column CREATION_DATE = new Column("creation_date_utc", "ec2", 93, "DATETIME", 19);
    private static final Column LINKED_INSTANCE = new Column("aws_instance_id", "ec2_package", 12, "VARCHAR", 30);
    private static final Column PACKAGE_NAME = new Column("package_name", "ec2_package", 12, "VARCHAR", 100);
    private static final Column PACKAGE_VERSION = new Column("package_version", "ec2_package", 12, "VARCHAR", 100);

    /**
     * The functions' one SELECT: the instance's row (its package columns NULL), then one row per package (its instance
     * columns NULL), a UNION ALL ordered by package.
     */
    static final ResultSet INSTANCE_WITH_PACKAGES = new ResultSet(
            List.of(AWS_INSTANCE_ID, AWS_REGION, AWS_ACCOUNT, CREATION_DATE, PACKAGE_NAME, PACKAGE_VERSION),
            Stream.concat(Stream.of(Arrays.asList(INSTANCE_ID, REGION, ACCOUNT, CREATED, null, null)),
                    PACKAGES.stream().map(pkg -> Arrays.asList(null, null, null, null, pkg.get(0), pkg.get(1))))
                    .toList());
    /** The seed's first SELECT: the instance alone. */
    private static final ResultSet SEED_INSTANCE = new ResultSet(List.of(AWS_INSTANCE_ID, AWS_REGION, AWS_ACCOUNT),
            List.of(List.of(INSTANCE_ID, REGION, ACCOUNT)));
    /** The seed's second SELECT: the instance's package links. */
    private static final ResultSet SEED_PACKAGE_LINKS = new ResultSet(
            List.of(LINKED_INSTANCE, PACKAGE_NAME, PACKAGE_VERSION),
            PACKAGES.stream().map(pkg -> List.of(INSTANCE_ID, pkg.get(0), pkg.get(1))).toList());

    private FixedAnswers() {
    }

    static boolean isQuery(String sql) {
        return normalised(sql).startsWith("select");
    }

    static ResultSet resultOf(String sql) {
        String query = normalised(sql);
        if (query.contains(" union all ")) {
            return INSTANCE_WITH_PACKAGES;
        }
        return query.contains("from ec2_package") ? SEED_PACKAGE_LINKS : SEED_INSTANCE;
    }

    /** The rows a multi-row INSERT writes: one per {@code (...)} group of its VALUES. */
    static long updateCountOf(String sql) {
        return sql.split("\\)\\s*,\\s*\\(", -1).length;
    }

    private static String normalised(String sql) {
        return sql.toLowerCase(Locale.ROOT).replace("`", "").trim();
    }
}
