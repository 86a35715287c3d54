package dev.ec2inventory.local.dataapi;

import java.time.Duration;

/**
 * Settings of the emulator's opt-in auto-pause simulation, the wire-level view of an Aurora Serverless v2 instance
 * at 0 ACU: after {@code pauseAfterIdle} without a call the instance is paused; the next call starts a resume, and
 * every call answers {@code DatabaseResumingException} until {@code resumeTakes} has passed.
 *
 * <p>The service pauses after 300 s to 1 day without connections (300 s by default) and takes about 15 s to resume;
 * shorter values are accepted here so that tests run in seconds.
 *
 * @param pauseAfterIdle how long the instance must go without a call before it pauses
 * @param resumeTakes    how long a resume takes, from the call that starts it
 */
public record AutoPause(Duration pauseAfterIdle, Duration resumeTakes) {

    /** What the service does by default: pause after 5 minutes, resume in about 15 seconds. */
    public static final AutoPause AURORA_DEFAULTS = new AutoPause(Duration.ofMinutes(5), Duration.ofSeconds(15));

    public AutoPause {
        requirePositive(pauseAfterIdle, "pauseAfterIdle");
        requirePositive(resumeTakes, "resumeTakes");
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + duration);
        }
    }
}
