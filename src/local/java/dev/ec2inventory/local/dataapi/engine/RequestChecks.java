package dev.ec2inventory.local.dataapi.engine;

import dev.ec2inventory.local.dataapi.DataApiErrorType;
import dev.ec2inventory.local.dataapi.DataApiException;
import java.util.Optional;

/**
 * The request checks the service makes before running anything, answered with {@code ValidationException} in the
 * wording AWS services use for constraint violations.
 */
final class RequestChecks {

    /** The model's {@code SqlStatement} shape. */
    static final int MAX_SQL_LENGTH = 65_536;
    /** The model's {@code DbName} shape. */
    static final int MAX_DATABASE_NAME_LENGTH = 64;

    private RequestChecks() {
    }

    static String required(String value, String member) {
        if (value == null) {
            throw validation("1 validation error detected: Value null at '" + member
                    + "' failed to satisfy constraint: Member must not be null");
        }
        return value;
    }

    static String maxLength(String value, String member, int max) {
        if (value != null && value.length() > max) {
            throw validation("1 validation error detected: Value at '" + member
                    + "' failed to satisfy constraint: Member must have length less than or equal to " + max);
        }
        return value;
    }

    /** Serverless v2 and provisioned clusters refuse the {@code schema} member (v1 ignored it). */
    static void noSchema(String schema) {
        if (schema != null) {
            throw validation("The schema parameter isn't supported");
        }
    }

    /** {@code formatRecordsAs}: {@code NONE} (the default) or {@code JSON}. */
    static boolean formatRecordsAsJson(String formatRecordsAs) {
        if (formatRecordsAs == null || formatRecordsAs.equals("NONE")) {
            return false;
        }
        if (formatRecordsAs.equals("JSON")) {
            return true;
        }
        throw validation("formatRecordsAs must be NONE or JSON, not '" + formatRecordsAs + "'");
    }

    /** Optional string members: an empty string is the same as none. */
    static Optional<String> present(String value) {
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static DataApiException validation(String message) {
        return DataApiException.of(DataApiErrorType.VALIDATION, message);
    }
}
