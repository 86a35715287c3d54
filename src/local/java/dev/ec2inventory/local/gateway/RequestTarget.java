package dev.ec2inventory.local.gateway;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The path and query of a request line's target, in origin form ({@code /path?query}). Raw bytes above ASCII are
 * read as UTF-8, as browsers and curl send them; every percent-escape must be {@code %} and two hex digits.
 *
 * @param rawPath  the path as sent, escapes kept, raw UTF-8 decoded to characters
 * @param rawQuery the query string as sent, or null when there is none
 */
record RequestTarget(String rawPath, String rawQuery) {

    static RequestTarget parse(byte[] target) throws GatewayRefusal {
        if (target.length == 0 || target[0] != '/') {
            throw GatewayRefusal.badRequest("The request target must be a path that begins with '/'");
        }
        String text;
        try {
            text = strictUtf8(target);
        } catch (CharacterCodingException notUtf8) {
            throw GatewayRefusal.badRequest("The request path must be valid UTF-8 text");
        }
        int question = text.indexOf('?');
        String path = question < 0 ? text : text.substring(0, question);
        String query = question < 0 ? null : text.substring(question + 1);
        requireValidEscapes(path, "The request path has an invalid percent-escape (use % and two hex digits)");
        if (query != null) {
            requireValidEscapes(query, "The query string has an invalid percent-escape (use % and two hex digits)");
        }
        return new RequestTarget(path, query);
    }

    /**
     * Percent-decodes, then reads the bytes as UTF-8 and refuses any that are not.
     *
     * @param plusIsSpace true in a query string, where '+' stands for a space; in a path it is a plus sign
     * @throws CharacterCodingException when the decoded bytes are not valid UTF-8
     */
    static String decode(String escaped, boolean plusIsSpace) throws CharacterCodingException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(escaped.length());
        int i = 0;
        while (i < escaped.length()) {
            char c = escaped.charAt(i);
            if (c == '%' && isEscape(escaped, i)) {
                bytes.write(Integer.parseInt(escaped.substring(i + 1, i + 3), 16));
                i += 3;
                continue;
            }
            int codePoint = escaped.codePointAt(i);
            String character = plusIsSpace && c == '+' ? " " : new String(Character.toChars(codePoint));
            bytes.writeBytes(character.getBytes(StandardCharsets.UTF_8));
            i += Character.charCount(codePoint);
        }
        return strictUtf8(bytes.toByteArray());
    }

    static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    private static void requireValidEscapes(String text, String message) throws GatewayRefusal {
        for (int i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) {
            if (!isEscape(text, i)) {
                throw GatewayRefusal.badRequest(message);
            }
        }
    }

    private static boolean isEscape(String text, int percent) {
        return percent + 2 < text.length() && isHexDigit(text.charAt(percent + 1))
                && isHexDigit(text.charAt(percent + 2));
    }

    /** ASCII only: {@link Character#digit} would also take other scripts' digits. */
    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
