package dev.ec2inventory.local.gateway;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * A request body read with bounded memory: at most {@code keepAtMost} bytes are held, the rest is counted and
 * discarded, and a body longer than {@code refuseAbove} is refused (by its Content-Length before a byte is read).
 *
 * @param kept   the first bytes of the body, all of it when {@code length <= kept.length}
 * @param length the body's full length in bytes
 */
record RequestBody(byte[] kept, long length) {

    private static final int MAX_CHUNK_SIZE_DIGITS = 8;

    boolean isComplete() {
        return length == kept.length;
    }

    /** Whatever framing the head declares: Content-Length, chunked, or no body. */
    static RequestBody read(RequestHead head, InputStream in, int keepAtMost, long refuseAbove, Runnable beforeBody)
            throws IOException, GatewayRefusal {
        List<String> transferEncodings = head.values("Transfer-Encoding");
        List<String> lengths = head.values("Content-Length");
        if (!transferEncodings.isEmpty()) {
            if (!lengths.isEmpty()) {
                throw GatewayRefusal.badRequest("A request must not have both Transfer-Encoding and Content-Length");
            }
            if (!String.join(",", transferEncodings).trim().toLowerCase(Locale.ROOT).equals("chunked")) {
                throw new GatewayRefusal(501, "Only the chunked Transfer-Encoding is supported");
            }
            beforeBody.run();
            return new Reader(in, keepAtMost, refuseAbove).chunked();
        }
        long length = contentLength(lengths);
        if (length > refuseAbove) {
            throw tooLong();
        }
        if (length > 0) {
            beforeBody.run();
        }
        return new Reader(in, keepAtMost, refuseAbove).exactly(length);
    }

    /** Every Content-Length value must be the same non-negative decimal number. */
    private static long contentLength(List<String> values) throws GatewayRefusal {
        long length = 0;
        String first = null;
        for (String value : values) {
            for (String item : value.split(",", -1)) {
                String digits = item.trim();
                if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                        || (first != null && !first.equals(digits))) {
                    throw GatewayRefusal.badRequest("Content-Length must be one non-negative whole number");
                }
                first = digits;
                length = digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
            }
        }
        return length;
    }

    private static GatewayRefusal tooLong() {
        return new GatewayRefusal(413, "Request Too Long");
    }

    /** Copies bytes into a bounded buffer and counts the ones it drops. */
    private static final class Reader {
        private final InputStream in;
        private final int keepAtMost;
        private final long refuseAbove;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final byte[] buffer = new byte[16 * 1024];
        private long length;

        Reader(InputStream in, int keepAtMost, long refuseAbove) {
            this.in = in;
            this.keepAtMost = keepAtMost;
            this.refuseAbove = refuseAbove;
        }

        RequestBody exactly(long count) throws IOException, GatewayRefusal {
            long remaining = count;
            while (remaining > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw GatewayRefusal.badRequest("The request body ended before its Content-Length");
                }
                take(n);
                remaining -= n;
            }
            return new RequestBody(kept.toByteArray(), length);
        }

        RequestBody chunked() throws IOException, GatewayRefusal {
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                if (length + size > refuseAbove) {
                    throw tooLong();
                }
                exactly(size);
                byte[] end = HttpRequestReader.readLine(in, 0, invalidChunk());
                if (end == null || end.length != 0) {
                    throw invalidChunk();
                }
            }
            skipTrailers();
            return new RequestBody(kept.toByteArray(), length);
        }

        private long chunkSize() throws IOException, GatewayRefusal {
            byte[] line = HttpRequestReader.readLine(in, HttpRequestReader.MAX_HEAD_BYTES, invalidChunk());
            if (line == null) {
                throw new EOFException("the connection closed inside a chunked body");
            }
            String digits = new String(line, StandardCharsets.ISO_8859_1).split(";", 2)[0].trim();
            if (digits.isEmpty() || digits.length() > MAX_CHUNK_SIZE_DIGITS
                    || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 0x80)) {
                throw invalidChunk();
            }
            return Long.parseLong(digits, 16);
        }

        private void skipTrailers() throws IOException, GatewayRefusal {
            int budget = HttpRequestReader.MAX_HEAD_BYTES;
            GatewayRefusal tooLarge = new GatewayRefusal(431, "Request Header Fields Too Large");
            for (byte[] line = HttpRequestReader.readLine(in, budget, tooLarge); line == null || line.length > 0;
                 line = HttpRequestReader.readLine(in, budget, tooLarge)) {
                if (line == null) {
                    throw new EOFException("the connection closed inside the trailers");
                }
                budget -= line.length;
            }
        }

        private void take(int n) {
            int room = (int) Math.max(0, keepAtMost - kept.size());
            kept.write(buffer, 0, Math.min(room, n));
            length += n;
        }

        private static GatewayRefusal invalidChunk() {
            return GatewayRefusal.badRequest("The chunked request body is malformed");
        }
    }
}
