package dev.ec2inventory.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an accepted POST must have done, checked three ways against the request itself, code point by code point: the
 * answer's {@code new_record}, the rows added to the tables (and nothing removed), and a GET of the instance.
 */
final class WriteCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The instance a valid POST describes: its id from the path, the rest from the body. */
    record Written(String id, String region, String account, List<List<String>> packages) {

        /** The packages without repeats (exact comparison), in the order given. */
        List<List<String>> distinctPackages() {
            return List.copyOf(new LinkedHashSet<>(packages));
        }
    }

    private WriteCheck() {
    }

    static Written written(String id, byte[] body) throws IOException {
        JsonNode request = JSON.readTree(body);
        List<List<String>> packages = new ArrayList<>();
        request.path("packages").forEach(item ->
                packages.add(List.of(item.get("package_name").asText(), item.get("package_version").asText())));
        return new Written(id, request.get("aws_region").asText(), request.get("aws_account").asText(), packages);
    }

    /** Every difference between what was sent and what the answer, the tables and GET say was stored. */
    static List<String> problems(Written sent, Reply posted, InventoryDump before, InventoryDump after, Reply read) {
        List<String> problems = new ArrayList<>();
        JsonNode newRecord = posted.json().map(node -> node.path("new_record")).orElse(JSON.nullNode());
        compare(problems, "new_record.aws_region", sent.region(), newRecord.path("aws_region"));
        compare(problems, "new_record.aws_account", sent.account(), newRecord.path("aws_account"));
        comparePackages(problems, "new_record.packages", sent.distinctPackages(), newRecord.path("packages"), false);
        tables(problems, sent, before, after);
        JsonNode found = read.json().orElse(JSON.nullNode());
        if (read.status() != 200 || !found.path("record_found").asBoolean(false)) {
            problems.add("GET does not find it: " + read.describe());
            return problems;
        }
        JsonNode record = found.path("record");
        compare(problems, "record.aws_instance_id", sent.id(), record.path("aws_instance_id"));
        compare(problems, "record.aws_region", sent.region(), record.path("aws_region"));
        compare(problems, "record.aws_account", sent.account(), record.path("aws_account"));
        comparePackages(problems, "record.packages", sent.distinctPackages(), record.path("packages"), true);
        return problems;
    }

    private static void tables(List<String> problems, Written sent, InventoryDump before, InventoryDump after) {
        Set<String> expectedAdded = new LinkedHashSet<>();
        expectedAdded.add("ec2: " + InventoryDump.row(sent.id(), sent.region(), sent.account()));
        sent.distinctPackages().forEach(item ->
                expectedAdded.add("ec2_package: " + InventoryDump.row(sent.id(), item.get(0), item.get(1))));
        Set<String> mayBeAdded = new LinkedHashSet<>();
        sent.distinctPackages().forEach(item ->
                mayBeAdded.add("package: " + InventoryDump.row(item.get(0), item.get(1))));
        List<String> added = before.added(after);
        before.removed(after).forEach(row -> problems.add("a row disappeared: " + row));
        added.stream().filter(row -> !expectedAdded.contains(row) && !mayBeAdded.contains(row))
                .forEach(row -> problems.add("a row nobody sent was added: " + row));
        expectedAdded.stream().filter(row -> !added.contains(row))
                .forEach(row -> problems.add("a row sent was not stored: " + row));
        sent.distinctPackages().stream()
                .map(item -> InventoryDump.row(item.get(0), item.get(1)))
                .filter(row -> !after.packages().contains(row))
                .forEach(row -> problems.add("a package sent is not in the package table: " + row));
    }

    private static void comparePackages(List<String> problems, String where, List<List<String>> sent, JsonNode answer,
                                        boolean sortedByCodePoints) {
        List<List<String>> expected = new ArrayList<>(sent);
        if (sortedByCodePoints) {
            expected.sort(WriteCheck::byCodePoints);
        }
        List<List<String>> actual = new ArrayList<>();
        answer.forEach(item -> actual.add(List.of(item.path("package_name").asText(),
                item.path("package_version").asText())));
        if (actual.size() != expected.size()) {
            problems.add(where + " has " + actual.size() + " packages, " + expected.size() + " were sent");
        }
        for (int i = 0; i < Math.min(actual.size(), expected.size()); i++) {
            if (!actual.get(i).equals(expected.get(i))) {
                problems.add(where + "[" + i + "] is " + codePoints(actual.get(i).toString()) + ", expected "
                        + codePoints(expected.get(i).toString()));
                return;
            }
        }
    }

    /** GET orders by name, then version, as the database compares them: code points, with exact identity. */
    private static int byCodePoints(List<String> a, List<String> b) {
        int names = compareCodePoints(a.get(0), b.get(0));
        return names != 0 ? names : compareCodePoints(a.get(1), b.get(1));
    }

    private static int compareCodePoints(String a, String b) {
        return java.util.Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    private static void compare(List<String> problems, String field, String sent, JsonNode answer) {
        if (!answer.isTextual() || !answer.asText().equals(sent)) {
            problems.add(field + " is " + (answer.isTextual() ? codePoints(answer.asText()) : answer.toString())
                    + ", sent " + codePoints(sent));
        }
    }

    /** The text and, where it is not plain ASCII, its code points: the difference is often invisible. */
    static String codePoints(String text) {
        String shown = Shown.head(text, 80);
        if (text.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            return "'" + shown + "'";
        }
        StringBuilder points = new StringBuilder();
        shown.codePoints().limit(24).forEach(cp -> points.append(String.format(" U+%04X", cp)));
        boolean more = shown.codePointCount(0, shown.length()) > 24;
        return "'" + shown + "' [" + points.toString().trim() + (more ? " ..." : "") + "]";
    }
}
