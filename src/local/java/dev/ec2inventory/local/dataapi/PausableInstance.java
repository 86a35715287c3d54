package dev.ec2inventory.local.dataapi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated database instance behind the emulator, which {@link AutoPause} can pause; without settings it never
 * pauses and admits every call.
 *
 * <p>It is idle while no call is running and no transaction is open (an open transaction holds a connection, and
 * the service never pauses an instance with connections). Pausing is decided when a call arrives: a call that finds
 * the instance idle for the pause time starts the resume and answers {@code DatabaseResumingException} (400), as do
 * all calls until the resume time has passed, counted from that first call. The idle time starts again when the
 * resume is over. A call answered with an injected fault never reaches the instance, so it neither wakes it nor
 * counts as activity. Thread-safe.
 */
final class PausableInstance {

    private static final Logger LOG = LoggerFactory.getLogger(PausableInstance.class);
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    /** The length of the random part of an RDS instance resource id ({@code db-} and 26 characters). */
    private static final int RESOURCE_ID_LENGTH = 26;

    private final Optional<AutoPause> settings;
    private final InstantSource clock;
    private final BooleanSupplier transactionsOpen;
    private final String resourceId;
    private Instant lastActivity;
    private Instant resumeEndsAt;
    private int callsRunning;
    private long resumingAnswers;

    private PausableInstance(Optional<AutoPause> settings, InstantSource clock, BooleanSupplier transactionsOpen,
            String resourceId) {
        this.settings = settings;
        this.clock = clock;
        this.transactionsOpen = transactionsOpen;
        this.resourceId = resourceId;
        this.lastActivity = clock.instant();
    }

    static PausableInstance alwaysOn() {
        return new PausableInstance(Optional.empty(), InstantSource.system(), () -> true, "");
    }

    /** An instance that pauses as {@code settings} say; {@code clusterArn} names it in the resuming message. */
    static PausableInstance pausing(AutoPause settings, InstantSource clock, BooleanSupplier transactionsOpen,
            String clusterArn) {
        return new PausableInstance(Optional.of(settings), clock, transactionsOpen, resourceIdOf(clusterArn));
    }

    /**
     * Lets a call in, or answers it with {@code DatabaseResumingException}; a call let in must be followed by
     * {@link #callEnded()}.
     */
    synchronized void admit() {
        if (settings.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        if (resumeEndsAt != null && now.isBefore(resumeEndsAt)) {
            throw resuming();
        }
        if (resumeEndsAt != null) {
            LOG.info("Data API emulator: the database instance {} has resumed", resourceId);
            resumeEndsAt = null;
        }
        if (isIdleSince(now)) {
            startResume(now);
            throw resuming();
        }
        callsRunning++;
        lastActivity = now;
    }

    /** The call that {@link #admit()} let in is over: the idle time starts now. */
    synchronized void callEnded() {
        if (settings.isEmpty()) {
            return;
        }
        callsRunning--;
        lastActivity = clock.instant();
    }

    /** {@code db-} and 26 letters and digits, as RDS names instance resources, derived from the cluster ARN. */
    static String resourceIdOf(String clusterArn) {
        byte[] digest = sha256(clusterArn);
        StringBuilder id = new StringBuilder("db-");
        for (int i = 0; i < RESOURCE_ID_LENGTH; i++) {
            id.append(BASE32.charAt((digest[i] & 0xff) % BASE32.length()));
        }
        return id.toString();
    }

    private boolean isIdleSince(Instant now) {
        if (callsRunning > 0 || transactionsOpen.getAsBoolean()) {
            return false;
        }
        return !now.isBefore(lastActivity.plus(settings.orElseThrow().pauseAfterIdle()));
    }

    private void startResume(Instant now) {
        Duration resumeTakes = settings.orElseThrow().resumeTakes();
        resumeEndsAt = now.plus(resumeTakes);
        LOG.info("Data API emulator: the database instance {} auto-paused after {} without calls; this call starts "
                + "a resume, and calls answer DatabaseResumingException for {}", resourceId,
                settings.orElseThrow().pauseAfterIdle(), resumeTakes);
        // The instance is busy resuming, not idle: its idle time starts when the resume is over.
        lastActivity = resumeEndsAt;
    }

    /** How many calls were answered {@code DatabaseResumingException}. */
    synchronized long resumingAnswers() {
        return resumingAnswers;
    }

    private DataApiException resuming() {
        resumingAnswers++;
        return DataApiException.of(DataApiErrorType.DATABASE_RESUMING, "The Aurora DB instance " + resourceId
                + " is resuming after being auto-paused. Please wait a few seconds and try again.");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
