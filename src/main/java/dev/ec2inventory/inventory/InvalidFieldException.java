package dev.ec2inventory.inventory;

/**
 * A value the inventory cannot store, named by its path in the request: {@code aws_region must be at most 30
 * characters}, {@code packages[2].package_name is required}.
 *
 * <p>Text is stored exactly as given and compared byte for byte ({@code utf8mb4_bin}), so only text whose every
 * character the database keeps and compares as Java does is accepted.
 */
public final class InvalidFieldException extends IllegalArgumentException {

    private final String path;
    private final String problem;

    public InvalidFieldException(String path, String problem) {
        super(path + " " + problem);
        this.path = path;
        this.problem = problem;
    }

    /** The same failure, of the value at {@code prefix + path}: {@code packages[2].} for an item's fields. */
    public InvalidFieldException under(String prefix) {
        return new InvalidFieldException(prefix + path, problem);
    }

    /**
     * {@code value} itself, when it is present, not blank, valid Unicode, free of control characters, without
     * whitespace at either end, and at most {@code maxLength} characters long; checked in that order.
     */
    static String requireText(String field, String value, int maxLength) {
        if (value == null) {
            throw new InvalidFieldException(field, "is required");
        }
        if (value.isBlank()) {
            throw new InvalidFieldException(field, "must not be blank");
        }
        // A lone surrogate (JSON's "\ud800") has no UTF-8 form: the driver would store '?' or fail.
        if (hasUnpairedSurrogate(value)) {
            throw new InvalidFieldException(field, "must be valid UTF-8 text");
        }
        if (value.codePoints().anyMatch(InvalidFieldException::isControl)) {
            throw new InvalidFieldException(field, "must not contain control characters");
        }
        // utf8mb4_bin is PAD SPACE ('a' = 'a '): with nothing at the ends, padding never decides a comparison.
        if (isWhitespace(value.codePointAt(0)) || isWhitespace(value.codePointBefore(value.length()))) {
            throw new InvalidFieldException(field, "must not begin or end with whitespace");
        }
        // VARCHAR(n) counts characters, not UTF-16 units: an emoji is one character but two chars.
        if (value.codePointCount(0, value.length()) > maxLength) {
            throw new InvalidFieldException(field, "must be at most " + maxLength + " characters");
        }
        return value;
    }

    /** {@link String#codePoints()} yields a surrogate only when it has no partner. */
    private static boolean hasUnpairedSurrogate(String value) {
        return value.codePoints().anyMatch(codePoint -> codePoint >= Character.MIN_SURROGATE
                && codePoint <= Character.MAX_SURROGATE);
    }

    /** C0 controls and DEL. */
    private static boolean isControl(int codePoint) {
        return codePoint <= 0x1F || codePoint == 0x7F;
    }

    /** Java's whitespace and Unicode's space separators, so that a no-break space counts too. */
    private static boolean isWhitespace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }
}
