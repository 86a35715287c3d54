package dev.ec2inventory.dataapi.jdbc;

import dev.ec2inventory.dataapi.DataApiParameter;
import dev.ec2inventory.dataapi.StatementResult;
import java.sql.SQLException;
import java.util.List;

/**
 * How one JDBC connection's statements reach the database: {@link PinnedSession} (one Data API transaction holds one
 * database session for the connection's life) or {@link CallPerStatementSession} (every statement is its own
 * auto-committed call). {@link SessionMode} chooses; the package documentation says why there are two.
 */
interface DriverSession {

    StatementResult execute(String sql, List<DataApiParameter> parameters) throws SQLException;

    boolean autoCommit();

    void setAutoCommit(boolean on) throws SQLException;

    void commit() throws SQLException;

    void rollback() throws SQLException;

    String database();

    void useDatabase(String name) throws SQLException;

    boolean isEnded();

    /** Ends whatever the session holds; later calls fail. Ending twice does nothing. */
    void end() throws SQLException;
}
