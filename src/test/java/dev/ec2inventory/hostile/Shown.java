package dev.ec2inventory.hostile;

/** Text cut for a failure message without splitting a surrogate pair (a half pair would garble the report). */
final class Shown {

    private Shown() {
    }

    /** At most {@code codePoints} code points of {@code text}, with "..." when it was longer. */
    static String head(String text, int codePoints) {
        if (text.codePointCount(0, text.length()) <= codePoints) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, codePoints)) + "...";
    }

    /** At most the last {@code codePoints} code points of {@code text}, with "..." when it was longer. */
    static String tail(String text, int codePoints) {
        int count = text.codePointCount(0, text.length());
        if (count <= codePoints) {
            return text;
        }
        return "..." + text.substring(text.offsetByCodePoints(0, count - codePoints));
    }
}
