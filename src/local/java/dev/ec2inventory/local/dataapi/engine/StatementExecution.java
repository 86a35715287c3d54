package dev.ec2inventory.local.dataapi.engine;

import dev.ec2inventory.local.dataapi.sql.BoundParameters;
import dev.ec2inventory.local.dataapi.sql.ParsedSql;
import dev.ec2inventory.local.dataapi.sql.ResultOptions;
import dev.ec2inventory.local.dataapi.sql.ResultReader;
import dev.ec2inventory.local.dataapi.sql.ResultTable;
import dev.ec2inventory.local.dataapi.wire.ExecuteStatementResponse;
import dev.ec2inventory.local.dataapi.wire.Field;
import dev.ec2inventory.local.dataapi.wire.UpdateResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The JDBC work of ExecuteStatement and BatchExecuteStatement, on a session the caller holds. */
final class StatementExecution {

    /** How the records of a query come back. */
    record Output(ResultOptions options, boolean includeResultMetadata, boolean formatAsJson) {
    }

    /**
     * Rows are streamed in chunks this size (where the driver can), so that a result far over the size limit is
     * refused without first being held in memory whole.
     */
    private static final int FETCH_SIZE = 1_000;

    private StatementExecution() {
    }

    /**
     * Runs one statement. A query answers records (or formatted records); anything else answers the number of rows
     * it changed and the auto-increment key it generated, as MySQL's {@code LAST_INSERT_ID()} reports it: the first
     * one of a multi-row insert.
     */
    static ExecuteStatementResponse execute(DatabaseSession session, RunningStatement running, ParsedSql sql,
            BoundParameters parameters, String database, Output output) throws SQLException {
        session.useDatabase(database);
        try (PreparedStatement statement = session.connection()
                .prepareStatement(sql.jdbcSql(), Statement.RETURN_GENERATED_KEYS)) {
            parameters.bindTo(statement);
            statement.setFetchSize(FETCH_SIZE);
            running.track(statement);
            if (statement.execute()) {
                try (ResultSet rows = statement.getResultSet()) {
                    return answer(ResultReader.read(rows, output.options()), output);
                }
            }
            List<Field> keys = generatedKeys(statement);
            long changed = Math.max(0, statement.getUpdateCount());
            return ExecuteStatementResponse.ofUpdate(changed, keys.isEmpty() ? List.of() : List.of(keys.get(0)));
        }
    }

    /**
     * Runs one statement for every parameter set, as one JDBC batch, all or nothing: in a transaction of its own, or
     * behind a savepoint of the caller's transaction, rolled back to when any set fails.
     */
    static List<UpdateResult> executeBatch(DatabaseSession session, RunningStatement running, ParsedSql sql,
            List<BoundParameters> parameterSets, String database, boolean inTransaction) throws SQLException {
        if (parameterSets.isEmpty()) {
            return List.of();
        }
        session.useDatabase(database);
        Connection connection = session.connection();
        Savepoint savepoint = null;
        if (inTransaction) {
            savepoint = connection.setSavepoint();
        } else {
            connection.setAutoCommit(false);
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.jdbcSql(), Statement.RETURN_GENERATED_KEYS)) {
            for (BoundParameters parameters : parameterSets) {
                parameters.bindTo(statement);
                statement.addBatch();
            }
            running.track(statement);
            int[] counts = statement.executeBatch();
            List<UpdateResult> results = perParameterSet(counts, generatedKeys(statement));
            if (!inTransaction) {
                connection.commit();
            }
            return results;
        } catch (SQLException | RuntimeException e) {
            undo(connection, savepoint, e);
            throw e;
        } finally {
            if (!inTransaction) {
                connection.setAutoCommit(true);
            }
        }
    }

    /** Rolls the batch back: to the savepoint in a caller's transaction, else its own transaction whole. */
    private static void undo(Connection connection, Savepoint savepoint, Exception failure) {
        try {
            if (savepoint != null) {
                connection.rollback(savepoint);
            } else {
                connection.rollback();
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static ExecuteStatementResponse answer(ResultTable table, Output output) {
        if (output.formatAsJson()) {
            return ExecuteStatementResponse.ofFormattedRecords(table.formattedRecords());
        }
        return ExecuteStatementResponse.ofRecords(table.records(),
                output.includeResultMetadata() ? table.columns() : null);
    }

    private static List<Field> generatedKeys(Statement statement) throws SQLException {
        List<Field> keys = new ArrayList<>();
        try (ResultSet generated = statement.getGeneratedKeys()) {
            while (generated.next()) {
                keys.add(Field.ofLong(generated.getLong(1)));
            }
        }
        return keys;
    }

    /**
     * The driver returns the batch's keys as one list; a set that changed n rows generated n of them (a set whose
     * count is unknown, one), and its result carries the first, as ExecuteStatement would.
     */
    private static List<UpdateResult> perParameterSet(int[] counts, List<Field> keys) {
        List<UpdateResult> results = new ArrayList<>(counts.length);
        int nextKey = 0;
        for (int count : counts) {
            int generated = count == Statement.SUCCESS_NO_INFO ? 1 : Math.max(count, 0);
            if (generated > 0 && nextKey < keys.size()) {
                results.add(new UpdateResult(List.of(keys.get(nextKey))));
                nextKey += generated;
            } else {
                results.add(new UpdateResult(List.of()));
            }
        }
        return results;
    }
}
