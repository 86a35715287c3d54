package dev.ec2inventory.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ec2inventory.hostile.CorpusTally.Outcome;
import dev.ec2inventory.hostile.HostileCase.Expected;
import dev.ec2inventory.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One case on one channel: back to the baseline rows, the setup requests, a dump of the tables, the request, a second
 * dump; then the status, the message, the tables (unchanged, or changed by exactly the write, which is read back),
 * and a leak scan of the answer. Every problem is collected, so a failing case says all that is wrong at once.
 */
final class CaseRun {

    private static final Pattern ERROR_BODY = Pattern.compile("\\(error_code: [0-9a-f-]{36}\\) - .+", Pattern.DOTALL);

    private final TestDatabase database;
    private final Runnable resetToBaseline;
    private final CorpusTally tally;

    CaseRun(TestDatabase database, Runnable resetToBaseline, CorpusTally tally) {
        this.database = database;
        this.resetToBaseline = resetToBaseline;
        this.tally = tally;
    }

    void run(HostileCase hostile, Channel channel) throws Exception {
        try {
            attempt(hostile, channel);
        } catch (Exception | AssertionError failure) {
            if (!(failure instanceof CaseFailure)) {
                tally.record(channel.level(), Outcome.FAILED);
            }
            throw failure;
        }
    }

    private void attempt(HostileCase hostile, Channel channel) throws Exception {
        resetToBaseline.run();
        List<String> problems = new ArrayList<>();
        for (HostileRequest step : hostile.before()) {
            Reply setup = observed(hostile, channel, step, channel.send(step), false, problems);
            if (setup.status() != 200) {
                throw new AssertionError(hostile.name() + ": setup request " + step.method() + " " + step.pathText()
                        + " answered " + setup.describe());
            }
        }
        Expected expected = hostile.expectedOn(channel.level());
        InventoryDump before = InventoryDump.of(database);
        Reply reply = observed(hostile, channel, hostile.request(), channel.send(hostile.request()),
                expected.status() >= 500, problems);
        InventoryDump after = InventoryDump.of(database);

        checkAnswer(expected, reply, problems);
        if (expected.writes() && reply.status() == 200) {
            String id = hostile.request().awsInstanceId().orElseThrow();
            WriteCheck.Written sent = WriteCheck.written(id, hostile.request().body());
            Reply read = observed(hostile, channel, hostile.request(), channel.read(id), false, problems);
            problems.addAll(WriteCheck.problems(sent, reply, before, after, read));
        } else if (!before.equals(after)) {
            problems.add("the tables changed: added " + before.added(after) + ", removed " + before.removed(after));
        }
        if (expected.found() != null && reply.status() == 200) {
            checkFound(hostile, expected.found(), reply, problems);
        }

        tally.record(channel.level(), outcome(problems, expected, reply));
        if (!problems.isEmpty()) {
            throw new CaseFailure(hostile.name() + " (" + hostile.about() + ")\n  answer: " + reply.describe()
                    + "\n  - " + String.join("\n  - ", problems));
        }
    }

    /** A case that ran to the end and was counted, but broke its expectations. */
    private static final class CaseFailure extends AssertionError {
        CaseFailure(String message) {
            super(message);
        }
    }

    /** Every answer a case produces (setup, the request, the read-back) is scanned for leaks and 5xx. */
    private Reply observed(HostileCase hostile, Channel channel, HostileRequest sent, Reply reply,
                           boolean serverErrorExpected, List<String> problems) {
        List<String> leaks = LeakScan.scan(reply, sent);
        tally.leaks(channel.level(), hostile.name(), leaks);
        leaks.forEach(leak -> problems.add("leak: " + leak));
        if (reply.status() >= 500) {
            tally.serverError(channel.level(), serverErrorExpected);
        }
        return reply;
    }

    private static void checkAnswer(Expected expected, Reply reply, List<String> problems) {
        if (reply.status() != expected.status()) {
            problems.add("status " + reply.status() + ", expected " + expected.status());
        }
        if (!reply.header("Content-Type").orElse("").startsWith("application/json")) {
            problems.add("Content-Type is " + reply.header("Content-Type").orElse("absent") + ", not application/json");
        }
        if (reply.json().isEmpty()) {
            problems.add("the body is not JSON");
        }
        Optional<String> message = reply.errorMessage();
        if (reply.status() >= 400 && message.isEmpty()) {
            problems.add("an error without error_message or message");
        }
        if (reply.json().map(body -> body.has("error_message")).orElse(false)
                && !ERROR_BODY.matcher(message.orElse("")).matches()) {
            problems.add("error_message is not '(error_code: <uuid>) - <message>'");
        }
        if (expected.message() != null && !message.orElse("").contains(expected.message())) {
            problems.add("the message does not contain '" + expected.message() + "'");
        }
    }

    private static void checkFound(HostileCase hostile, boolean found, Reply reply, List<String> problems) {
        JsonNode body = reply.json().orElseThrow();
        if (body.path("record_found").asBoolean() != found) {
            problems.add("record_found is " + body.path("record_found") + ", expected " + found);
            return;
        }
        String id = hostile.request().awsInstanceId().orElseThrow();
        String answered = body.path("record").path("aws_instance_id").asText();
        if (found && !answered.equals(id)) {
            problems.add("the record found is " + WriteCheck.codePoints(answered) + ", asked for "
                    + WriteCheck.codePoints(id));
        }
    }

    private static Outcome outcome(List<String> problems, Expected expected, Reply reply) {
        if (!problems.isEmpty()) {
            return Outcome.FAILED;
        }
        if (reply.status() >= 400 && reply.status() < 500) {
            return Outcome.CLEAN_4XX;
        }
        return expected.writes() ? Outcome.WRITE_VERIFIED : Outcome.OTHER_PASS;
    }
}
