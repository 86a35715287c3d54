package dev.ec2inventory.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.OptionalInt;

/**
 * The corpus's small generator syntax, so that a case can describe a 7 MB body or a thousand distinct emoji packages
 * in one line instead of storing them. Expanded in {@code path}, {@code body_template}, {@code raw_request} and every
 * string of {@code body_json} (see README.md beside the corpus):
 * <ul>
 *   <li>{@code {{rep:N:TEXT}}}: TEXT (anything up to the closing braces) N times;</li>
 *   <li>{@code {{byte:XX}}}, {@code {{byte:XX:N}}}: the raw byte 0xXX (N times), which need not be valid UTF-8;</li>
 *   <li>{@code {{i}}}, {@code {{i:W}}}: the index of the current {@code $repeat} item, in decimal (W digits);</li>
 *   <li>{@code {{i4:K}}}: that index as exactly K four-byte characters (base-64 digits from U+1F400);</li>
 *   <li>{@code {{lb}}}: a literal {@code {{}.</li>
 * </ul>
 * Everything else is copied as its UTF-8 bytes.
 */
final class Templates {

    private static final int FOUR_BYTE_DIGIT_BASE = 0x1F400;
    private static final int FOUR_BYTE_DIGITS = 64;

    private Templates() {
    }

    /** The template's bytes; {@code index} is empty outside a {@code $repeat}. */
    static byte[] expand(String template, OptionalInt index) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(template.length());
        int at = 0;
        while (at < template.length()) {
            int open = template.indexOf("{{", at);
            if (open < 0) {
                write(out, template.substring(at));
                break;
            }
            write(out, template.substring(at, open));
            int close = template.indexOf("}}", open + 2);
            if (close < 0) {
                throw new IllegalArgumentException("unclosed {{ in template at " + open);
            }
            macro(out, template.substring(open + 2, close), index);
            at = close + 2;
        }
        return out.toByteArray();
    }

    /** The template as text: it must expand to valid UTF-8 (no {@code {{byte}}} that breaks it). */
    static String expandText(String template, OptionalInt index) {
        return PathCodec.utf8(expand(template, index), CodingErrorAction.REPORT).orElseThrow(() ->
                new IllegalArgumentException("template does not expand to UTF-8 text: " + template));
    }

    private static void macro(ByteArrayOutputStream out, String macro, OptionalInt index) {
        String[] parts = macro.split(":", 3);
        switch (parts[0]) {
            case "rep" -> {
                byte[] unit = parts[2].getBytes(StandardCharsets.UTF_8);
                for (int n = count(parts[1]); n > 0; n--) {
                    out.write(unit, 0, unit.length);
                }
            }
            case "byte" -> {
                byte value = HexFormat.of().parseHex(parts[1])[0];
                for (int n = parts.length > 2 ? count(parts[2]) : 1; n > 0; n--) {
                    out.write(value);
                }
            }
            case "i" -> write(out, parts.length > 1
                    ? String.format("%0" + count(parts[1]) + "d", indexIn(macro, index))
                    : Integer.toString(indexIn(macro, index)));
            case "i4" -> write(out, fourByteDigits(indexIn(macro, index), count(parts[1])));
            case "lb" -> write(out, "{{");
            default -> throw new IllegalArgumentException("unknown macro {{" + macro + "}}");
        }
    }

    private static String fourByteDigits(int value, int width) {
        StringBuilder digits = new StringBuilder();
        int rest = value;
        for (int i = 0; i < width; i++) {
            digits.insert(0, Character.toChars(FOUR_BYTE_DIGIT_BASE + rest % FOUR_BYTE_DIGITS));
            rest /= FOUR_BYTE_DIGITS;
        }
        if (rest != 0) {
            throw new IllegalArgumentException(value + " needs more than " + width + " four-byte digits");
        }
        return digits.toString();
    }

    private static int indexIn(String macro, OptionalInt index) {
        return index.orElseThrow(() -> new IllegalArgumentException("{{" + macro + "}} outside a $repeat"));
    }

    private static int count(String text) {
        return Integer.parseInt(text.replace("_", ""));
    }

    private static void write(ByteArrayOutputStream out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
    }
}
