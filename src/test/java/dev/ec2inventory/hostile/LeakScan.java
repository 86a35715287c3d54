package dev.ec2inventory.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks in an error body or a header for what must never reach a client: SQL, ARNs, Java class names, stack traces,
 * SQLStates, the database's own messages, a parser's raw message, an HTML error page. Text the request itself sent
 * and the answer merely quotes (an id full of SQL, say) is the client's own and not a leak.
 */
final class LeakScan {

    /** What a leak looks like, by kind. */
    private static final Map<String, Pattern> SIGNS = Map.ofEntries(
            Map.entry("SQL", Pattern.compile("(?i)\\b(select\\b.{1,200}?\\bfrom|insert\\s+(ignore\\s+)?into"
                    + "|update\\s+\\S+\\s+set|delete\\s+from|create\\s+table|alter\\s+table|drop\\s+table"
                    + "|on\\s+duplicate\\s+key|union\\s+all\\s+select)\\b")),
            Map.entry("backtick", Pattern.compile("`")),
            Map.entry("ARN", Pattern.compile("arn:aws")),
            Map.entry("Java class", Pattern.compile("\\b(java|javax|jdk|sun|com\\.sun)\\.[a-z]|dev\\.ec2inventory"
                    + "|software\\.amazon|com\\.fasterxml|org\\.jooq|org\\.mariadb|com\\.mysql|org\\.flywaydb"
                    + "|com\\.amazonaws")),
            Map.entry("exception", Pattern.compile("Exception|Throwable")),
            Map.entry("stack trace", Pattern.compile("\tat |\\\\tat |\\bat [a-z]+\\.[a-zA-Z.$]+\\(")),
            Map.entry("SQLState", Pattern.compile("(?i)sql\\s?state")),
            Map.entry("database message", Pattern.compile("Database error code|Duplicate entry|MariaDB|MySQL"
                    + "|(?i:deadlock)|Lock wait timeout|Data truncat|Incorrect string value|foreign key constraint"
                    + "|(?i:jooq)")),
            Map.entry("parser message", Pattern.compile("Cannot deserialize|Unrecognized token|Unrecognized field"
                    + "|through reference chain|\\[Source:|Unexpected character \\(")),
            Map.entry("HTML page", Pattern.compile("(?i)<html|<body|<h1>|<title>")));

    /** API Gateway's own error-type header names its exception types; that is its contract, not a leak. */
    private static final Pattern GATEWAY_ERROR_TYPE = Pattern.compile("[A-Za-z]+Exception");

    private LeakScan() {
    }

    /** Each hit as {@code where: kind 'match' in ...context...}. */
    static List<String> scan(Reply reply, HostileRequest request) {
        String echoable = request.echoableText();
        List<String> hits = new ArrayList<>();
        if (reply.status() >= 400 || reply.status() == 0) {
            hits.addAll(scanText("body", reply.bodyText(), echoable));
        }
        for (Map.Entry<String, String> header : reply.headers()) {
            if (header.getKey().equalsIgnoreCase("x-amzn-ErrorType")
                    && GATEWAY_ERROR_TYPE.matcher(header.getValue()).matches()) {
                continue;
            }
            hits.addAll(scanText("header", header.getKey() + ": " + header.getValue(), echoable));
        }
        return hits;
    }

    private static List<String> scanText(String where, String text, String echoable) {
        List<String> hits = new ArrayList<>();
        SIGNS.forEach((kind, sign) -> {
            Matcher matcher = sign.matcher(text);
            while (matcher.find()) {
                if (!echoable.contains(matcher.group())) {
                    hits.add(where + ": " + kind + " '" + matcher.group() + "' in "
                            + Shown.tail(text.substring(0, matcher.start()), 40)
                            + Shown.head(text.substring(matcher.start()), 80));
                }
            }
        });
        return hits;
    }
}
