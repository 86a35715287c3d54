package dev.ec2inventory.api;

import java.util.Locale;

/**
 * The levels of Lambda's advanced logging controls ({@code LoggingConfig.ApplicationLogLevel}, which the runtime hands
 * the function as {@code AWS_LAMBDA_LOG_LEVEL}), least severe first.
 */
enum LogLevel {
    TRACE, DEBUG, INFO, WARN, ERROR, FATAL;

    static final String VARIABLE = "AWS_LAMBDA_LOG_LEVEL";

    /** {@code INFO} when unset; anything else unknown is a configuration error, reported at init. */
    static LogLevel fromEnvironment(String value) {
        if (value == null || value.isBlank()) {
            return INFO;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(
                    VARIABLE + " must be one of TRACE, DEBUG, INFO, WARN, ERROR, FATAL, not " + value);
        }
    }

    boolean includes(LogLevel level) {
        return level.compareTo(this) >= 0;
    }
}
