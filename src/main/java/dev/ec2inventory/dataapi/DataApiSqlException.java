package dev.ec2inventory.dataapi;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database rejected a statement: a Data API {@code DatabaseErrorException}, with the MySQL error number and
 * SQLState taken out of its message, so that callers decide on numbers rather than on text.
 */
public final class DataApiSqlException extends DataApiException {

    /** MySQL's ER_DUP_ENTRY: a row with the same unique key exists. */
    public static final int DUPLICATE_ENTRY = 1062;

    /**
     * {@code Database error code: 1062. Message: Duplicate entry 'x' for key 'PRIMARY'}, as the service words it,
     * optionally followed by {@code  (SQLState: 23000)}, which the local emulator adds.
     */
    private static final Pattern SERVICE_MESSAGE = Pattern.compile(
            "Database error code: (\\d+)\\. Message: (.*?)(?: \\(SQLState: ([0-9A-Z]{5})\\))?", Pattern.DOTALL);

    private final Integer errorCode;
    private final String sqlState;
    private final String serverMessage;

    private DataApiSqlException(String message, Integer errorCode, String sqlState, String serverMessage,
            Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
        this.sqlState = sqlState;
        this.serverMessage = serverMessage;
    }

    /** Reads the Data API's message; one it does not recognise is kept whole as the server message. */
    static DataApiSqlException fromServiceMessage(String message, Throwable cause) {
        String text = message == null ? "" : message;
        Matcher matcher = SERVICE_MESSAGE.matcher(text);
        if (!matcher.matches()) {
            return new DataApiSqlException(text, null, null, text, cause);
        }
        return new DataApiSqlException(text, Integer.valueOf(matcher.group(1)), matcher.group(3), matcher.group(2),
                cause);
    }

    /** The MySQL error number, when the service gave one. */
    public OptionalInt errorCode() {
        return errorCode == null ? OptionalInt.empty() : OptionalInt.of(errorCode);
    }

    public Optional<String> sqlState() {
        return Optional.ofNullable(sqlState);
    }

    /** What the database server said, without the service's wrapping. */
    public String serverMessage() {
        return serverMessage;
    }

    public boolean isDuplicateEntry() {
        return errorCode != null && errorCode == DUPLICATE_ENTRY;
    }
}
