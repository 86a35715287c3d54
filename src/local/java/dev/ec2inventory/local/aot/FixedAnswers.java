package dev.ec2inventory.local.aot;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fixed answers of {@link StubDataApi}, for the AOT training run and the benchmarks: one stored instance with four
 * packages, whatever is asked, and nothing ever changes. Each SELECT of the functions (and of the seed) gets rows of
 * its own columns; a write gets the rows it would change. A statement of no known shape is refused, so that a function
 * that sends something new fails loudly instead of being trained or timed on an answer that does not fit.
 */
public final class FixedAnswers {

    public static final String INSTANCE_ID = "i-01aaae43feb712345";
    public static final String TRANSACTION_ID = "AQC5SRDIm+Rsq0/L1MZ8E6fbprm9ghLrpDsTaXu7MCt2Ue23mQgOIOQ1a/3YDE2OTE5RT";
    private static final String REGION = "us-east-1";
    private static final String ACCOUNT = "123456789012";
    private static final String CREATED = "2026-11-25 11:24:48";
    private static final List<List<String>> PACKAGES = List.of(List.of("package-1", "v1"), List.of("package-1", "v2"),
            List.of("package-2", "v1"), List.of("package-3", "v1"));

    /** A column as the service describes it for MySQL. */
    public record Column(String name, String table, int jdbcType, String typeName, int precision) {
    }

    /**
     * What a SELECT returns: its columns' metadata and its rows, every value a {@code String} (the service's
     * {@code stringValue}, which DATETIME columns take too), a {@code Long} ({@code longValue}, for BIGINT) or null
     * (SQL NULL).
     */
    public record ResultSet(List<Column> columns, List<List<Object>> rows) {
    }

    private static final Column AWS_INSTANCE_ID = new Column("aws_instance_id", "ec2", 12, "VARCHAR", 30);
    private static final Column AWS_REGION = new Column("aws_region", "ec2", 12, "VARCHAR", 20);
    private static final Column AWS_ACCOUNT = new Column("aws_account", "ec2", 12, "VARCHAR", 20);
    private static final Column CREATION_DATE = new Column("creation_date_utc", "ec2", 93, "DATETIME", 19);
    private static final Column LINKED_INSTANCE = new Column("aws_instance_id", "ec2_package", 12, "VARCHAR", 30);
    private static final Column PACKAGE_NAME = new Column("package_name", "ec2_package", 12, "VARCHAR", 100);
    private static final Column PACKAGE_VERSION = new Column("package_version", "ec2_package", 12, "VARCHAR", 100);
    private static final Column ORDINAL = new Column("ordinal", "page", -5, "BIGINT", 21);
    private static final Column CANDIDATES = new Column("candidates", "page", -5, "BIGINT", 21);
    private static final Column CATALOGUE_VERSION = new Column("package_version", "package", 12, "VARCHAR", 100);
    private static final Column INSTANCE_COUNT = new Column("count(ec2_package.aws_instance_id)", "", -5, "BIGINT",
            21);

    /**
     * GET's SELECT: the instance's row (its package columns NULL), then one row per package (its instance columns
     * NULL), a UNION ALL ordered by package.
     */
    public static final ResultSet INSTANCE_WITH_PACKAGES = new ResultSet(
            List.of(AWS_INSTANCE_ID, AWS_REGION, AWS_ACCOUNT, CREATION_DATE, PACKAGE_NAME, PACKAGE_VERSION),
            Stream.concat(Stream.of(row(INSTANCE_ID, REGION, ACCOUNT, CREATED, null, null)),
                    PACKAGES.stream().map(pkg -> row(null, null, null, null, pkg.get(0), pkg.get(1)))).toList());
    /** PUT packages' first SELECT: the instance's own columns, its row locked. */
    private static final ResultSet INSTANCE_FOR_UPDATE = new ResultSet(List.of(AWS_REGION, AWS_ACCOUNT, CREATION_DATE),
            List.of(row(REGION, ACCOUNT, CREATED)));
    /**
     * {@code GET /ec2}'s page: the instance (ordinal 1 of 1 candidate, so no next page), then its packages with only
     * the ordinal and the package columns set.
     */
    private static final ResultSet FLEET_PAGE = new ResultSet(
            List.of(ORDINAL, AWS_INSTANCE_ID, AWS_REGION, AWS_ACCOUNT, CREATION_DATE, CANDIDATES, PACKAGE_NAME,
                    PACKAGE_VERSION),
            Stream.concat(Stream.of(row(1L, INSTANCE_ID, REGION, ACCOUNT, CREATED, 1L, null, null)),
                    PACKAGES.stream().map(pkg -> row(1L, null, null, null, null, null, pkg.get(0), pkg.get(1))))
                    .toList());
    /** {@code GET /packages/{name}}'s SELECT: package-1's two versions, each on the one instance. */
    private static final ResultSet PACKAGE_VERSIONS = new ResultSet(List.of(CATALOGUE_VERSION, INSTANCE_COUNT),
            PACKAGES.stream().filter(pkg -> pkg.get(0).equals("package-1")).map(pkg -> row(pkg.get(1), 1L)).toList());
    /** The seed's first SELECT: the instance alone. */
    private static final ResultSet SEED_INSTANCE = new ResultSet(List.of(AWS_INSTANCE_ID, AWS_REGION, AWS_ACCOUNT),
            List.of(row(INSTANCE_ID, REGION, ACCOUNT)));
    /** The seed's second SELECT: the instance's package links. */
    private static final ResultSet SEED_PACKAGE_LINKS = new ResultSet(
            List.of(LINKED_INSTANCE, PACKAGE_NAME, PACKAGE_VERSION),
            PACKAGES.stream().map(pkg -> row(INSTANCE_ID, pkg.get(0), pkg.get(1))).toList());

    private static final Pattern UNION_ALL = Pattern.compile(" union all ", Pattern.CASE_INSENSITIVE);
    private static final Pattern VALUES_GROUP_SEPARATOR = Pattern.compile("\\)\\s*,\\s*\\(");

    private FixedAnswers() {
    }

    /** A SELECT, or a SELECT that starts with its common table expressions (the fleet page). */
    public static boolean isQuery(String sql) {
        String statement = normalised(sql);
        return statement.startsWith("select") || statement.startsWith("with");
    }

    /** @throws IllegalArgumentException for a query of no known shape */
    public static ResultSet resultOf(String sql) {
        String query = normalised(sql);
        if (query.startsWith("with page as")) {
            return FLEET_PAGE;
        }
        if (query.startsWith("select package.package_version, count(")) {
            return PACKAGE_VERSIONS;
        }
        if (query.startsWith("select ec2.aws_region") && query.endsWith(" for update")) {
            return INSTANCE_FOR_UPDATE;
        }
        if (query.startsWith("select ec2.aws_instance_id") && query.contains(" union all ")) {
            return INSTANCE_WITH_PACKAGES;
        }
        if (query.startsWith("select aws_instance_id, package_name, package_version from ec2_package")) {
            return SEED_PACKAGE_LINKS;
        }
        if (query.startsWith("select aws_instance_id, aws_region, aws_account from ec2")) {
            return SEED_INSTANCE;
        }
        throw unknown(sql);
    }

    /**
     * The rows a write changes: one per SELECT of the links' INSERT (their one INSERT, an INSERT ... SELECT: the
     * first SELECT, plus one per UNION ALL), one per {@code (...)} group of any other INSERT's VALUES, the stored
     * instance for its DELETE, and its four links for theirs.
     *
     * @throws IllegalArgumentException for a write of no known shape
     */
    public static long updateCountOf(String sql) {
        // Only the start is normalised: figure 3 counts this for POSTs of 1,000 packages, in the functions' time.
        String write = normalised(sql.substring(0, Math.min(sql.length(), 64)));
        if (write.startsWith("insert into ec2_package")) {
            return UNION_ALL.split(sql, -1).length;
        }
        if (write.startsWith("insert")) {
            return VALUES_GROUP_SEPARATOR.split(sql, -1).length;
        }
        if (write.startsWith("delete from ec2_package ")) {
            return PACKAGES.size();
        }
        if (write.startsWith("delete from ec2 ")) {
            return 1;
        }
        throw unknown(sql);
    }

    private static IllegalArgumentException unknown(String sql) {
        String start = sql.length() > 200 ? sql.substring(0, 200) + "..." : sql;
        return new IllegalArgumentException("the stub Data API has no fixed answer for: " + start);
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static String normalised(String sql) {
        return sql.toLowerCase(Locale.ROOT).replace("`", "").trim();
    }
}
