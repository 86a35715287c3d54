package dev.ec2inventory.api;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.util.Optional;

/**
 * The limits Jackson's parser holds a request body to, set here rather than left to Jackson's defaults (which change
 * between versions), and the message that names each one with its number. The largest valid body is far inside them:
 * three levels deep, no numbers, names of 15 characters, strings of 255.
 */
final class ParserLimits {

    static final int MAX_NESTING_DEPTH = 32;
    static final int MAX_NUMBER_LENGTH = 100;
    static final int MAX_NAME_LENGTH = 256;
    static final int MAX_STRING_LENGTH = 1_000_000;

    static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxNameLength(MAX_NAME_LENGTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .build();

    private ParserLimits() {
    }

    /**
     * The client's message for the limit a body broke at {@code path} ({@code ""} for the body itself). Jackson
     * reports every limit with one exception type, whose message names the limit by its getter.
     */
    static Optional<String> message(StreamConstraintsException broken, String path) {
        String detail = broken.getOriginalMessage();
        String where = path.isEmpty() ? "The request body" : path;
        if (detail.contains("getMaxNestingDepth")) {
            return Optional.of("The request body nests deeper than " + MAX_NESTING_DEPTH + " levels");
        }
        if (detail.contains("getMaxNumberLength")) {
            return Optional.of(where + " has a number longer than " + MAX_NUMBER_LENGTH + " digits");
        }
        if (detail.contains("getMaxNameLength")) {
            return Optional.of("The request body has a field name longer than " + MAX_NAME_LENGTH + " characters");
        }
        if (detail.contains("getMaxStringLength")) {
            return Optional.of(where + " has a string longer than " + MAX_STRING_LENGTH + " characters");
        }
        return Optional.empty();
    }
}
