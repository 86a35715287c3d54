package dev.ec2inventory.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ec2inventory.dataapi.DataApiParameter;
import dev.ec2inventory.dataapi.jooq.RenderedStatement;
import dev.ec2inventory.testing.EmulatedDatabase;
import dev.ec2inventory.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The design card: each statement the repository sends is rendered as the Data API receives it, its SQL and
 * parameter names are checked, and the very same text runs against a real MySQL-compatible server over JDBC.
 */
@EmulatedDatabase
class InventoryQueriesIT {

    private static final LocalDateTime CREATED = LocalDateTime.of(2019, 3, 6, 2, 45, 32);
    private static final InstalledPackage ONE_V1 = new InstalledPackage("package-1", "v1");
    private static final InstalledPackage ONE_V2 = new InstalledPackage("package-1", "v2");
    private static final Ec2Instance INSTANCE =
            new Ec2Instance("i-01aaae43feb712345", "us-east-1", "123456789012", List.of(ONE_V2, ONE_V1));

    private static TestDatabase database;
    private Connection connection;

    @BeforeAll
    static void useTheClassDatabase(TestDatabase migrated) {
        database = migrated;
    }

    @AfterEach
    void closeConnection() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }

    @Test
    void insertInstance() throws SQLException {
        RenderedStatement insert = InventoryQueries.INSERT_INSTANCE.bind(new InventoryEntry(INSTANCE, CREATED));

        assertThat(insert.sql()).isEqualTo("insert into `ec2` (`aws_instance_id`, `aws_region`, `aws_account`, "
                + "`creation_date_utc`) values (:p1, :p2, :p3, :p4)");
        assertThat(names(insert)).containsExactly("p1", "p2", "p3", "p4");
        assertThat(RenderedStatementsOverJdbc.executeUpdate(connect(), insert)).isEqualTo(1);
        assertThat(rows("select aws_instance_id, aws_region, aws_account, creation_date_utc from ec2"))
                .containsExactly(List.of("i-01aaae43feb712345", "us-east-1", "123456789012", CREATED));
    }

    @Test
    void insertPackagesIgnoringKnown() throws SQLException {
        RenderedStatement insert = RenderedStatement.render(
                InventoryQueries.insertPackagesIgnoringKnown(INSTANCE.packages()));

        assertThat(insert.sql()).isEqualTo(
                "insert ignore into `package` (`package_name`, `package_version`) values (:p1, :p2), (:p3, :p4)");
        assertThat(names(insert)).containsExactly("p1", "p2", "p3", "p4");
        assertThat(RenderedStatementsOverJdbc.executeUpdate(connect(), insert)).isEqualTo(2);
        assertThat(RenderedStatementsOverJdbc.executeUpdate(connect(), insert)).as("known packages").isZero();
        assertThat(rows("select package_name, package_version from package order by 1, 2"))
                .containsExactly(List.of("package-1", "v1"), List.of("package-1", "v2"));
    }

    @Test
    void insertInstalledPackages() throws SQLException {
        RenderedStatementsOverJdbc.executeUpdate(connect(),
                InventoryQueries.INSERT_INSTANCE.bind(new InventoryEntry(INSTANCE, CREATED)));
        RenderedStatementsOverJdbc.executeUpdate(connect(),
                RenderedStatement.render(InventoryQueries.insertPackagesIgnoringKnown(INSTANCE.packages())));
        RenderedStatement insert = RenderedStatement.render(
                InventoryQueries.insertInstalledPackages(INSTANCE.awsInstanceId(), INSTANCE.packages()));

        assertThat(insert.sql()).isEqualTo("insert into `ec2_package` (`aws_instance_id`, `package_name`, "
                + "`package_version`) select :p1, `listed`.`package_name`, `listed`.`package_version` from "
                + "(select :p2 as `package_name`, :p3 as `package_version` union all select :p4, :p5) as `listed`");
        assertThat(names(insert)).containsExactly("p1", "p2", "p3", "p4", "p5");
        assertThat(RenderedStatementsOverJdbc.executeUpdate(connect(), insert)).isEqualTo(2);
        assertThat(rows("select aws_instance_id, package_name, package_version from ec2_package order by 2, 3"))
                .containsExactly(List.of("i-01aaae43feb712345", "package-1", "v1"),
                        List.of("i-01aaae43feb712345", "package-1", "v2"));
    }

    @Test
    void selectInstanceWithPackages() throws SQLException {
        storeInstance();
        RenderedStatement select = InventoryQueries.SELECT_INSTANCE_WITH_PACKAGES.bind(INSTANCE.awsInstanceId());

        assertThat(select.sql()).isEqualTo("select `ec2`.`aws_instance_id`, `ec2`.`aws_region`, `ec2`.`aws_account`, "
                + "`ec2`.`creation_date_utc`, null as `package_name`, null as `package_version` from `ec2` "
                + "where `ec2`.`aws_instance_id` = :p1 "
                + "union all select null, null, null, null, `ec2_package`.`package_name`, "
                + "`ec2_package`.`package_version` from `ec2_package` where `ec2_package`.`aws_instance_id` = :p2 "
                + "order by `package_name`, `package_version`");
        assertThat(names(select)).containsExactly("p1", "p2");
        assertThat(RenderedStatementsOverJdbc.query(connect(), select)).containsExactly(
                Arrays.asList("i-01aaae43feb712345", "us-east-1", "123456789012", CREATED, null, null),
                Arrays.asList(null, null, null, null, "package-1", "v1"),
                Arrays.asList(null, null, null, null, "package-1", "v2"));
    }

    /** The instance row first, then the packages in code point order, as utf8mb4_bin compares them. */
    @Test
    void selectInstanceWithPackagesOrdersThemByCodePoint() throws SQLException {
        List<String> names = List.of("\uD83D\uDE80", "\uFF5E", "\u00e9", "e", "a", "B");
        Ec2Instance instance = new Ec2Instance("i-1", "r", "a",
                names.stream().map(name -> new InstalledPackage(name, "1")).toList());
        RenderedStatementsOverJdbc.executeUpdate(connect(),
                InventoryQueries.INSERT_INSTANCE.bind(new InventoryEntry(instance, CREATED)));
        RenderedStatementsOverJdbc.executeUpdate(connect(),
                RenderedStatement.render(InventoryQueries.insertPackagesIgnoringKnown(instance.packages())));
        RenderedStatementsOverJdbc.executeUpdate(connect(), RenderedStatement.render(
                InventoryQueries.insertInstalledPackages("i-1", instance.packages())));

        List<List<Object>> rows = RenderedStatementsOverJdbc.query(connect(),
                InventoryQueries.SELECT_INSTANCE_WITH_PACKAGES.bind("i-1"));

        assertThat(rows.get(0)).isEqualTo(Arrays.asList("i-1", "r", "a", CREATED, null, null));
        assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(4))
                .containsExactly("B", "a", "e", "\u00e9", "\uFF5E", "\uD83D\uDE80");
    }

    @Test
    void selectInstanceWithoutPackagesGivesTheInstanceRowAlone() throws SQLException {
        RenderedStatementsOverJdbc.executeUpdate(connect(),
                InventoryQueries.INSERT_INSTANCE.bind(new InventoryEntry(INSTANCE, CREATED)));

        assertThat(RenderedStatementsOverJdbc.query(connect(),
                InventoryQueries.SELECT_INSTANCE_WITH_PACKAGES.bind(INSTANCE.awsInstanceId())))
                .containsExactly(Arrays.asList("i-01aaae43feb712345", "us-east-1", "123456789012", CREATED, null, null));
        // No instance row, and no package rows either.
        assertThat(RenderedStatementsOverJdbc.query(connect(),
                InventoryQueries.SELECT_INSTANCE_WITH_PACKAGES.bind("i-unknown"))).isEmpty();
    }

    private void storeInstance() throws SQLException {
        RenderedStatementsOverJdbc.executeUpdate(connect(),
                InventoryQueries.INSERT_INSTANCE.bind(new InventoryEntry(INSTANCE, CREATED)));
        RenderedStatementsOverJdbc.executeUpdate(connect(),
                RenderedStatement.render(InventoryQueries.insertPackagesIgnoringKnown(INSTANCE.packages())));
        RenderedStatementsOverJdbc.executeUpdate(connect(), RenderedStatement.render(
                InventoryQueries.insertInstalledPackages(INSTANCE.awsInstanceId(), INSTANCE.packages())));
    }

    private List<List<Object>> rows(String sql) throws SQLException {
        return RenderedStatementsOverJdbc.query(connect(), RenderedStatement.render(DSL.query(sql)));
    }

    private Connection connect() throws SQLException {
        if (connection == null) {
            connection = database.connect();
        }
        return connection;
    }

    private static List<String> names(RenderedStatement statement) {
        return statement.parameters().stream().map(DataApiParameter::name).toList();
    }
}
