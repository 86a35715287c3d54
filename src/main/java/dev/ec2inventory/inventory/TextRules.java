package dev.ec2inventory.inventory;

/**
 * Which text the inventory accepts. Text is stored exactly as given and compared byte for byte ({@code utf8mb4_bin}),
 * so only text whose every character the database keeps and compares as Java does is accepted.
 */
public final class TextRules {

    private TextRules() {
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
        if (firstUnpairedSurrogate(value) >= 0) {
            throw new InvalidFieldException(field, "must be valid UTF-8 text");
        }
        if (value.codePoints().anyMatch(TextRules::isControl)) {
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

    /**
     * The index of the first surrogate without its partner, or -1. A lone surrogate (JSON's {@code "\ud800"}) has no
     * UTF-8 form: the driver would store '?' or fail.
     */
    public static int firstUnpairedSurrogate(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
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
