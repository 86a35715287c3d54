package dev.ec2inventory.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonStreamContext;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Where in a request body something is, in the words of the API's messages: the JSON path of a value
 * ({@code packages[2].package_name}) and a line and column ({@code (line 3, column 17)}), counted as Jackson counts
 * them in the text, so that every message of one body agrees.
 */
final class JsonPosition {

    private JsonPosition() {
    }

    /** The path of the value a parser is at, or {@code ""} outside any field (the body itself). */
    static String path(JsonStreamContext context) {
        Deque<String> steps = new ArrayDeque<>();
        for (JsonStreamContext step = context; step != null && !step.inRoot(); step = step.getParent()) {
            if (step.inArray() && step.getCurrentIndex() >= 0) {
                steps.addFirst("[" + step.getCurrentIndex() + "]");
            } else if (step.inObject() && step.getCurrentName() != null) {
                steps.addFirst("." + step.getCurrentName());
            }
        }
        String path = String.join("", steps);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    /** {@code " (line l, column c)"} where Jackson stopped, or {@code ""} when it does not know. */
    static String of(JsonLocation location) {
        return location == null || location.getLineNr() < 0
                ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /**
     * {@code " (line l, column c)"} of the character at {@code index}: lines end at CR, LF or CRLF, and columns count
     * UTF-16 units from 1, as Jackson's text parser does.
     */
    static String of(CharSequence text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < index && text.charAt(i + 1) == '\n') {
                i++;
            }
            if (c == '\r' || c == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return " (line " + line + ", column " + (index - lineStart + 1) + ")";
    }
}
