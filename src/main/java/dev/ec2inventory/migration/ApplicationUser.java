package dev.ec2inventory.migration;

import dev.ec2inventory.dataapi.DataApiClient;
import dev.ec2inventory.dataapi.DataApiException;
import dev.ec2inventory.dataapi.DataApiTarget;
import dev.ec2inventory.dataapi.DataApiValues;
import dev.ec2inventory.dataapi.DatabaseCredentials;
import dev.ec2inventory.dataapi.ExecuteOptions;
import dev.ec2inventory.dataapi.SqlStatement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The database user the API's functions sign in as. The migration, which alone holds the master user's secret, creates
 * it, sets its password from its secret, and leaves it exactly the rights that reading and writing the inventory take.
 */
final class ApplicationUser {

    static final List<String> PRIVILEGES = List.of("SELECT", "INSERT", "UPDATE", "DELETE");
    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9_]{1,32}");
    /** Written into SQL as a literal, which MySQL takes in no other form: letters and digits need no escaping. */
    private static final Pattern PASSWORD = Pattern.compile("[A-Za-z0-9]{16,128}");

    private final DataApiClient client;
    private final DataApiTarget master;

    /** @param master the master user's secret and the inventory database */
    ApplicationUser(DataApiClient client, DataApiTarget master) {
        if (!DATABASE_NAME.matcher(master.database()).matches()) {
            throw new ApplicationUserException("database names are 1 to 64 letters, digits or '_'");
        }
        this.client = client;
        this.master = master;
    }

    /**
     * @param secretArn the application user's secret, with which the Data API signs in as that user
     * @return what was done, for the log; never the password
     */
    String ensure(DatabaseCredentials user, String secretArn) {
        String account = account(user);
        try {
            String password = password(user, account, master.withSecret(secretArn));
            boolean revoked = hasOtherRights(account);
            if (revoked) {
                client.execute(master, statement("REVOKE ALL PRIVILEGES, GRANT OPTION FROM " + account),
                        ExecuteOptions.AUTO_COMMIT);
            }
            client.execute(master, statement("GRANT " + String.join(", ", PRIVILEGES) + " ON `" + master.database()
                    + "`.* TO " + account), ExecuteOptions.AUTO_COMMIT);
            return "application user " + user.username() + ": " + password + (revoked ? ", other rights revoked" : "")
                    + "; it may " + String.join(", ", PRIVILEGES) + " on " + master.database() + " only";
        } catch (DataApiException e) {
            throw new ApplicationUserException("setting up the application user failed", e);
        }
    }

    /**
     * Creates the user, or sets its password when its secret no longer signs in (a replaced secret): the password
     * travels in a statement only then, since MySQL takes it as a literal only, and an audit log may keep that.
     */
    private String password(DatabaseCredentials user, String account, DataApiTarget asUser) {
        boolean exists = ((Number) client.execute(master, new SqlStatement(
                "SELECT COUNT(*) FROM mysql.user WHERE User = :user AND Host = '%'",
                List.of(DataApiValues.parameter("user", user.username()))), ExecuteOptions.AUTO_COMMIT)
                .rows().get(0).get(0)).longValue() > 0;
        if (exists && signsIn(asUser)) {
            return "signs in with its secret";
        }
        client.executeHoldingSecret(master, (exists ? "ALTER USER " : "CREATE USER ") + account
                + " IDENTIFIED BY '" + user.password() + "'");
        return exists ? "password set from its secret" : "created";
    }

    private boolean signsIn(DataApiTarget asUser) {
        try {
            client.execute(asUser, statement("SELECT 1"), ExecuteOptions.AUTO_COMMIT);
            return true;
        } catch (DataApiException refused) {
            return false;
        }
    }

    /** Anything beyond the four rights on the inventory database: a global right, another database's, a table's. */
    private boolean hasOtherRights(String grantee) {
        String others = "SELECT COUNT(*) FROM ("
                + "SELECT PRIVILEGE_TYPE, IS_GRANTABLE FROM information_schema.USER_PRIVILEGES"
                + " WHERE GRANTEE = :grantee AND PRIVILEGE_TYPE <> 'USAGE'"
                + " UNION ALL SELECT PRIVILEGE_TYPE, IS_GRANTABLE FROM information_schema.SCHEMA_PRIVILEGES"
                + " WHERE GRANTEE = :grantee AND (TABLE_SCHEMA <> :database OR PRIVILEGE_TYPE NOT IN ("
                + String.join(", ", PRIVILEGES.stream().map(right -> "'" + right + "'").toList())
                + ") OR IS_GRANTABLE = 'YES')"
                + " UNION ALL SELECT PRIVILEGE_TYPE, IS_GRANTABLE FROM information_schema.TABLE_PRIVILEGES"
                + " WHERE GRANTEE = :grantee"
                + " UNION ALL SELECT PRIVILEGE_TYPE, IS_GRANTABLE FROM information_schema.COLUMN_PRIVILEGES"
                + " WHERE GRANTEE = :grantee) other_rights";
        return client.execute(master, new SqlStatement(others, List.of(
                        DataApiValues.parameter("grantee", grantee),
                        DataApiValues.parameter("database", master.database()))), ExecuteOptions.AUTO_COMMIT)
                .rows().stream().mapToLong(row -> ((Number) row.get(0)).longValue()).sum() > 0;
    }

    /** The account as MySQL's grant statements name it: any host, since the Data API connects from its own fleet. */
    private static String account(DatabaseCredentials user) {
        if (user.username() == null || !USER_NAME.matcher(user.username()).matches()) {
            throw new ApplicationUserException("the application user's secret must name a user of 1 to 32 letters, "
                    + "digits or '_'");
        }
        if (user.password() == null || !PASSWORD.matcher(user.password()).matches()) {
            throw new ApplicationUserException("the application user's secret must hold a password of 16 to 128 "
                    + "letters and digits (Secrets Manager's ExcludePunctuation)");
        }
        return "'" + user.username() + "'@'%'";
    }

    private static SqlStatement statement(String sql) {
        return new SqlStatement(sql, List.of());
    }
}
