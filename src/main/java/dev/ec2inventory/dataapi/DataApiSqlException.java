package dev.ec2inventory.dataapi;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The database rejected a statement; its MySQL error number is read out of the message, so callers need no text. */
public final class DataApiSqlException extends DataApiException {

    // MySQL's ER_DUP_ENTRY, ER_LOCK_DEADLOCK (the server rolled this transaction back) and ER_LOCK_WAIT_TIMEOUT.
    public static final int DUPLICATE_ENTRY = 1062;
    public static final int DEADLOCK = 1213;
    public static final int LOCK_WAIT_TIMEOUT = 1205;

    /** As the service words it; the local emulator adds {@code " (SQLState: 23000)"}. */
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
        return hasErrorCode(DUPLICATE_ENTRY);
    }

    public boolean isDeadlock() {
        return hasErrorCode(DEADLOCK);
    }

    public boolean isLockWaitTimeout() {
        return hasErrorCode(LOCK_WAIT_TIMEOUT);
    }

    /** Another transaction held a lock this one needed: the same transaction, run again, may well succeed. */
    public boolean isLockConflict() {
        return isDeadlock() || isLockWaitTimeout();
    }

    private boolean hasErrorCode(int code) {
        return errorCode != null && errorCode == code;
    }
}
