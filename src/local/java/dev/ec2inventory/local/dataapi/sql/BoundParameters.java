package dev.ec2inventory.local.dataapi.sql;

import dev.ec2inventory.local.dataapi.DataApiErrorType;
import dev.ec2inventory.local.dataapi.DataApiException;
import dev.ec2inventory.local.dataapi.wire.Field;
import dev.ec2inventory.local.dataapi.wire.SqlParameter;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A request's parameters, checked and converted for one statement before any connection is used, then bound to its
 * {@code ?}s in order.
 *
 * <p>Which error each problem gets:
 * <table>
 *   <caption>Parameter errors</caption>
 *   <tr><th>problem</th><th>error</th></tr>
 *   <tr><td>{@code arrayValue}</td><td>{@code ValidationException} "Array parameters are not supported." (the model
 *       says arrays are not supported; like multi-statement SQL, the service refuses it before running anything)</td></tr>
 *   <tr><td>a parameter without a name, a name given twice, a value with other than one union member, an unknown
 *       {@code typeHint}</td><td>{@code ValidationException}: the request itself is malformed</td></tr>
 *   <tr><td>a placeholder with no parameter, a parameter without a value, a string that does not fit its
 *       {@code typeHint}, a {@code typeHint} on a non-string value</td><td>{@code DatabaseErrorException} naming the
 *       parameter: the request is well formed, but the statement cannot run with it, as when the database refuses a
 *       value</td></tr>
 * </table>
 * Parameters that no placeholder uses are ignored.
 */
public final class BoundParameters {

    private final List<Object> valuesInOrder;

    private BoundParameters(List<Object> valuesInOrder) {
        this.valuesInOrder = valuesInOrder;
    }

    /** The values for {@code sql}'s placeholders, from {@code parameters} (null means none were sent). */
    public static BoundParameters of(ParsedSql sql, List<SqlParameter> parameters) {
        Map<String, Object> valuesByName = convertAll(parameters == null ? List.of() : parameters);
        List<Object> valuesInOrder = new ArrayList<>(sql.parameterNames().size());
        for (String name : sql.parameterNames()) {
            if (!valuesByName.containsKey(name)) {
                throw databaseError("No value was given for the parameter :" + name
                        + " (the SQL uses it; add a parameter named '" + name + "')");
            }
            valuesInOrder.add(valuesByName.get(name));
        }
        return new BoundParameters(Collections.unmodifiableList(valuesInOrder));
    }

    public void bindTo(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < valuesInOrder.size(); i++) {
            Object value = valuesInOrder.get(i);
            if (value == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    private static Map<String, Object> convertAll(List<SqlParameter> parameters) {
        Map<String, Object> valuesByName = new HashMap<>();
        for (SqlParameter parameter : parameters) {
            String name = parameter.name();
            if (name == null || name.isBlank()) {
                throw validation("Every parameter needs a name");
            }
            if (valuesByName.containsKey(name)) {
                throw validation("The parameter :" + name + " is given more than once");
            }
            valuesByName.put(name, convert(name, parameter.value(), parameter.typeHint()));
        }
        return valuesByName;
    }

    private static Object convert(String name, Field value, String typeHintName) {
        if (hasNoValue(value)) {
            throw databaseError("The parameter :" + name + " has no value");
        }
        if (value.arrayValue() != null) {
            throw validation("Array parameters are not supported.");
        }
        if (value.memberCount() != 1) {
            throw validation("The value of parameter :" + name + " must set exactly one of isNull, booleanValue, "
                    + "longValue, doubleValue, stringValue or blobValue");
        }
        TypeHint typeHint = typeHint(name, typeHintName);
        if (Boolean.TRUE.equals(value.isNull())) {
            return null;
        }
        if (typeHint != null && value.stringValue() == null) {
            throw databaseError("The parameter :" + name + " has typeHint " + typeHint
                    + ", which applies to a stringValue only");
        }
        if (value.stringValue() != null) {
            return typeHint == null ? value.stringValue() : hinted(name, value.stringValue(), typeHint);
        }
        if (value.booleanValue() != null) {
            return value.booleanValue();
        }
        if (value.longValue() != null) {
            return value.longValue();
        }
        if (value.doubleValue() != null) {
            return value.doubleValue();
        }
        return value.blobValue();
    }

    /** Absent, empty, or only {@code "isNull": false}, which says what the value is not. */
    private static boolean hasNoValue(Field value) {
        return value == null || value.memberCount() == 0
                || value.memberCount() == 1 && Boolean.FALSE.equals(value.isNull());
    }

    private static TypeHint typeHint(String parameterName, String typeHintName) {
        if (typeHintName == null) {
            return null;
        }
        try {
            return TypeHint.valueOf(typeHintName);
        } catch (IllegalArgumentException unknown) {
            throw validation("The typeHint of parameter :" + parameterName + " must be one of "
                    + Arrays.stream(TypeHint.values()).map(Enum::name).collect(Collectors.joining(", "))
                    + ", not '" + typeHintName + "'");
        }
    }

    private static Object hinted(String name, String value, TypeHint typeHint) {
        try {
            return typeHint.convert(value);
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw databaseError("The value of parameter :" + name + " is not a valid " + typeHint + ": '"
                    + abbreviate(value) + "'" + formatHint(typeHint));
        }
    }

    private static String formatHint(TypeHint typeHint) {
        return switch (typeHint) {
            case DATE -> " (expected YYYY-MM-DD)";
            case TIME -> " (expected HH:MM:SS[.FFF])";
            case TIMESTAMP -> " (expected YYYY-MM-DD HH:MM:SS[.FFF])";
            case DECIMAL, JSON, UUID -> "";
        };
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }

    private static DataApiException validation(String message) {
        return DataApiException.of(DataApiErrorType.VALIDATION, message);
    }

    private static DataApiException databaseError(String message) {
        return DataApiException.of(DataApiErrorType.DATABASE_ERROR, message);
    }
}
