package dev.ec2inventory.local.dataapi.sql;

import dev.ec2inventory.local.dataapi.DataApiErrorType;
import dev.ec2inventory.local.dataapi.DataApiException;
import dev.ec2inventory.local.dataapi.wire.ResultSetOptions;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The request's {@code resultSetOptions}, checked; absent members take the model's defaults. */
public record ResultOptions(DecimalReturnType decimalReturnType, LongReturnType longReturnType) {

    public static final ResultOptions DEFAULTS = new ResultOptions(DecimalReturnType.STRING, LongReturnType.LONG);

    public enum DecimalReturnType { STRING, DOUBLE_OR_LONG }

    public enum LongReturnType { LONG, STRING }

    public static ResultOptions from(ResultSetOptions options) {
        if (options == null) {
            return DEFAULTS;
        }
        return new ResultOptions(
                parse(DecimalReturnType.class, options.decimalReturnType(), "decimalReturnType", DEFAULTS.decimalReturnType),
                parse(LongReturnType.class, options.longReturnType(), "longReturnType", DEFAULTS.longReturnType));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String member, E fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            throw DataApiException.of(DataApiErrorType.VALIDATION, "resultSetOptions." + member + " must be one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))
                    + ", not '" + value + "'");
        }
    }
}
