package dev.ec2inventory.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Percent-encoding of path segments, as API Gateway reads them: UTF-8, and '+' is a plus sign. */
final class PathCodec {

    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    private PathCodec() {
    }

    /** Every byte that is not unreserved written as %XX, so any id travels in a path. */
    static String encodeSegment(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            if (UNRESERVED.indexOf(b) >= 0) {
                encoded.append((char) b);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return encoded.toString();
    }

    /** The decoded segment, or empty when an escape is malformed or the bytes are not UTF-8. */
    static Optional<String> strictDecode(String segment) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] raw = segment.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != '%') {
                bytes.write(raw[i]);
                continue;
            }
            if (i + 2 >= raw.length || Character.digit(raw[i + 1], 16) < 0 || Character.digit(raw[i + 2], 16) < 0) {
                return Optional.empty();
            }
            bytes.write(Character.digit(raw[i + 1], 16) * 16 + Character.digit(raw[i + 2], 16));
            i += 2;
        }
        return utf8(bytes.toByteArray(), CodingErrorAction.REPORT);
    }

    /** Best-effort decoding, for recognising echoes of the client's own text. */
    static String lenientDecode(String segment) {
        StringBuilder decoded = new StringBuilder();
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '%' && i + 2 < segment.length() && Character.digit(segment.charAt(i + 1), 16) >= 0
                    && Character.digit(segment.charAt(i + 2), 16) >= 0) {
                pending.write(Integer.parseInt(segment.substring(i + 1, i + 3), 16));
                i += 2;
                continue;
            }
            flush(pending, decoded);
            decoded.append(c);
        }
        flush(pending, decoded);
        return decoded.toString();
    }

    /** Bytes as UTF-8 text, failing on anything that is not (REPORT) or replacing it (REPLACE). */
    static Optional<String> utf8(byte[] bytes, CodingErrorAction onError) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(onError).onUnmappableCharacter(onError);
        try {
            return Optional.of(decoder.decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static void flush(ByteArrayOutputStream pending, StringBuilder decoded) {
        if (pending.size() > 0) {
            decoded.append(utf8(pending.toByteArray(), CodingErrorAction.REPLACE).orElseThrow());
            pending.reset();
        }
    }
}
