package dev.ec2inventory.migration;

import dev.ec2inventory.dataapi.RetryBudget;
import java.time.Duration;

/**
 * How long each Data API call of a migration keeps retrying while an auto-paused cluster resumes: a fifth of the
 * function's remaining time, within bounds. Nobody waits on a migration for an answer, so it may wait far longer than
 * the API functions, whose budget must fit inside API Gateway's timeout.
 */
final class ResumeWait {

    static final Duration SHORTEST = Duration.ofSeconds(20);
    static final Duration LONGEST = Duration.ofMinutes(2);
    private static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    private static final Duration LONGEST_DELAY = Duration.ofSeconds(8);

    private ResumeWait() {
    }

    /** The wait a call is sure to allow: each delay may be jittered down to half, so count the halves. */
    static Duration wanted(Duration remaining) {
        Duration fifth = remaining.dividedBy(5);
        return fifth.compareTo(SHORTEST) < 0 ? SHORTEST : fifth.compareTo(LONGEST) > 0 ? LONGEST : fifth;
    }

    /** Delays of 1, 2, 4, then 8 s, as many as it takes for their halves to add up to {@link #wanted}. */
    static RetryBudget budget(Duration remaining) {
        long wantedMillis = wanted(remaining).toMillis();
        long assuredMillis = 0;
        int retries = 0;
        while (assuredMillis < wantedMillis) {
            retries++;
            long delay = Math.min(FIRST_DELAY.toMillis() << Math.min(retries - 1, 10), LONGEST_DELAY.toMillis());
            assuredMillis += delay / 2;
        }
        return new RetryBudget(retries + 1, FIRST_DELAY, LONGEST_DELAY);
    }
}
