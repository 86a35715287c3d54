package dev.ec2inventory.dataapi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DataApiSqlExceptionTest {

    @Test
    void readsTheErrorNumberAndSqlState() {
        DataApiSqlException error = DataApiSqlException.fromServiceMessage(
                "Database error code: 1062. Message: Duplicate entry 'x' for key 'PRIMARY' (SQLState: 23000)", null);

        assertThat(error.errorCode()).hasValue(1062);
        assertThat(error.sqlState()).hasValue("23000");
        assertThat(error.serverMessage()).isEqualTo("Duplicate entry 'x' for key 'PRIMARY'");
        assertThat(error.isDuplicateEntry()).isTrue();
    }

    @Test
    void theServiceItselfSendsNoSqlState() {
        DataApiSqlException error = DataApiSqlException.fromServiceMessage(
                "Database error code: 1146. Message: Table 'db.nope' doesn't exist", null);

        assertThat(error.errorCode()).hasValue(1146);
        assertThat(error.sqlState()).isEmpty();
        assertThat(error.serverMessage()).isEqualTo("Table 'db.nope' doesn't exist");
        assertThat(error.isDuplicateEntry()).isFalse();
    }

    @Test
    void serverMessagesMaySpanLines() {
        DataApiSqlException error = DataApiSqlException.fromServiceMessage(
                "Database error code: 1064. Message: You have an error\nnear 'x' (SQLState: 42000)", null);

        assertThat(error.errorCode()).hasValue(1064);
        assertThat(error.serverMessage()).isEqualTo("You have an error\nnear 'x'");
    }

    @Test
    void anUnknownWordingKeepsTheWholeMessageAndNoNumber() {
        DataApiSqlException error = DataApiSqlException.fromServiceMessage("Something else went wrong", null);

        assertThat(error.errorCode()).isEmpty();
        assertThat(error.serverMessage()).isEqualTo("Something else went wrong");
        assertThat(error.isDuplicateEntry()).isFalse();
    }

    @Test
    void deadlocksAndLockWaitTimeoutsAreLockConflicts() {
        DataApiSqlException deadlock = DataApiSqlException.fromServiceMessage("Database error code: 1213. Message: "
                + "Deadlock found when trying to get lock; try restarting transaction", null);
        DataApiSqlException timeout = DataApiSqlException.fromServiceMessage("Database error code: 1205. Message: "
                + "Lock wait timeout exceeded; try restarting transaction (SQLState: HY000)", null);
        DataApiSqlException duplicate = DataApiSqlException.fromServiceMessage(
                "Database error code: 1062. Message: Duplicate entry 'x' for key 'PRIMARY'", null);

        assertThat(deadlock.isDeadlock()).isTrue();
        assertThat(deadlock.isLockWaitTimeout()).isFalse();
        assertThat(deadlock.isLockConflict()).isTrue();
        assertThat(timeout.isLockWaitTimeout()).isTrue();
        assertThat(timeout.isDeadlock()).isFalse();
        assertThat(timeout.isLockConflict()).isTrue();
        assertThat(duplicate.isLockConflict()).isFalse();
        assertThat(DataApiSqlException.fromServiceMessage("deadlock", null).isLockConflict()).isFalse();
    }
}
