package dev.ec2inventory.hostile;

import java.util.List;
import java.util.Optional;

/**
 * One case of the corpus: a request (after any setup requests), what it must answer, and whether it must write.
 *
 * @param before    requests sent first, each of which must answer 200 (a prior POST of a colliding id, say)
 * @param expected  the answer through the HTTP server, and through the handlers unless {@code inProcess} says
 *                  otherwise
 * @param inProcess the answer when the handler is called directly, when it differs (the HTTP gateway refuses some
 *                  requests before any function sees them)
 */
record HostileCase(String name, String about, Level level, HostileRequest request, List<HostileRequest> before,
                   Expected expected, Optional<Expected> inProcess) {

    /** Where a case runs: both channels, or only one of them. */
    enum Level {
        BOTH, HTTP, HANDLER;

        boolean includes(Level channel) {
            return this == BOTH || this == channel;
        }
    }

    /**
     * @param message a fragment the error message must contain (null for a 200)
     * @param writes  a 200 POST that must have stored exactly the request, read back with GET
     * @param found   for a GET answering 200: whether the record must be found
     */
    record Expected(int status, String message, boolean writes, Boolean found) {
    }

    HostileCase {
        before = List.copyOf(before);
    }

    Expected expectedOn(Level channel) {
        return channel == Level.HANDLER ? inProcess.orElse(expected) : expected;
    }
}
