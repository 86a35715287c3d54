package dev.ec2inventory.api;

import java.util.Locale;

/** The levels {@code LOG_LEVEL} accepts, least severe first. */
enum LogLevel {
    DEBUG, INFO, WARN, ERROR;

    /** {@code INFO} when unset; anything else unknown is a configuration error, reported at init. */
    static LogLevel fromEnvironment(String value) {
        if (value == null || value.isBlank()) {
            return INFO;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("LOG_LEVEL must be one of DEBUG, INFO, WARN, ERROR, not " + value);
        }
    }

    boolean includes(LogLevel level) {
        return level.compareTo(this) >= 0;
    }
}
