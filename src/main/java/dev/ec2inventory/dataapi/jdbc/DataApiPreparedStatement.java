package dev.ec2inventory.dataapi.jdbc;

import dev.ec2inventory.dataapi.DataApiParameter;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;

/**
 * A JDBC {@link PreparedStatement}, its {@code ?} sent as named parameters ({@link NamedPlaceholders}). Nothing is
 * prepared on the server: each execution sends the SQL again.
 */
final class DataApiPreparedStatement extends DataApiStatement {

    private final NamedPlaceholders placeholders;
    /** Each placeholder's parameter, {@code null} until a setter gives it a value (which may be SQL NULL). */
    private final DataApiParameter[] parameters;

    DataApiPreparedStatement(DataApiConnection connection, String sql) {
        super(connection, PreparedStatement.class);
        this.placeholders = NamedPlaceholders.rewrite(sql);
        this.parameters = new DataApiParameter[placeholders.parameterCount()];
    }

    @Override
    PreparedStatement jdbc() {
        return (PreparedStatement) super.jdbc();
    }

    public boolean execute() throws SQLException {
        return run(placeholders.sql(), parameters());
    }

    public ResultSet executeQuery() throws SQLException {
        return query(placeholders.sql(), parameters());
    }

    public int executeUpdate() throws SQLException {
        return update(placeholders.sql(), parameters());
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        throw sqlGivenAgain();
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        throw sqlGivenAgain();
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        throw sqlGivenAgain();
    }

    /** Whatever the SQL type, a NULL parameter is the Data API's {@code isNull}. */
    public void setNull(int index, int sqlType) throws SQLException {
        set(index, null);
    }

    public void setBoolean(int index, boolean value) throws SQLException {
        set(index, value);
    }

    public void setShort(int index, short value) throws SQLException {
        set(index, value);
    }

    public void setInt(int index, int value) throws SQLException {
        set(index, value);
    }

    public void setLong(int index, long value) throws SQLException {
        set(index, value);
    }

    public void setDouble(int index, double value) throws SQLException {
        set(index, value);
    }

    public void setBigDecimal(int index, BigDecimal value) throws SQLException {
        set(index, value);
    }

    public void setString(int index, String value) throws SQLException {
        set(index, value);
    }

    public void setBytes(int index, byte[] value) throws SQLException {
        set(index, value);
    }

    public void setDate(int index, Date value) throws SQLException {
        set(index, value);
    }

    public void setTime(int index, Time value) throws SQLException {
        set(index, value);
    }

    public void setTimestamp(int index, Timestamp value) throws SQLException {
        set(index, value);
    }

    /** Read whole: the Data API takes a parameter's bytes in the request, not as a stream. */
    public void setBinaryStream(int index, InputStream value) throws SQLException {
        if (value == null) {
            set(index, null);
            return;
        }
        try {
            set(index, value.readAllBytes());
        } catch (IOException e) {
            throw new SQLException("cannot read the stream for parameter " + index, e);
        }
    }

    /** Any value the translator maps: strings, numbers, booleans, byte arrays, {@code java.time} and JDBC dates. */
    public void setObject(int index, Object value) throws SQLException {
        set(index, value);
    }

    public void clearParameters() throws SQLException {
        requireOpen();
        Arrays.fill(parameters, null);
    }

    private void set(int index, Object value) throws SQLException {
        requireOpen();
        if (index < 1 || index > parameters.length) {
            throw new SQLException("parameter index " + index + " is out of range: the statement has "
                    + parameters.length + " placeholders", "07009");
        }
        parameters[index - 1] = JdbcValues.parameter(NamedPlaceholders.name(index), value);
    }

    private List<DataApiParameter> parameters() throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == null) {
                throw new SQLException("parameter " + (i + 1) + " has no value", "07001");
            }
        }
        return List.of(parameters);
    }

    private static SQLException sqlGivenAgain() {
        return new SQLException("a PreparedStatement runs the SQL it was prepared with; it takes no other");
    }
}
