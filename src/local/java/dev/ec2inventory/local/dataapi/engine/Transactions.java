package dev.ec2inventory.local.dataapi.engine;

import dev.ec2inventory.local.dataapi.DataApiErrorType;
import dev.ec2inventory.local.dataapi.DataApiException;
import dev.ec2inventory.local.dataapi.engine.EndedTransactions.Reason;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open transactions, each owning one session from BeginTransaction until commit, rollback or expiry.
 *
 * <ul>
 *   <li>Ids are 72 random bytes from {@link SecureRandom} in URL-safe base64 without padding: 96 characters,
 *       opaque, and impossible to guess.</li>
 *   <li>An id that is unknown, ended, expired, aborted, or of another (cluster, secret) gets
 *       {@code TransactionNotFoundException} (404) with the reason the service gives.</li>
 *   <li>A call on a transaction that is running another call gets {@code DatabaseErrorException} "Transaction is
 *       still running a query" at once, as on Serverless v2 (v1 queued them).</li>
 *   <li>A transaction no call has used for the idle timeout (3 minutes on the service) is rolled back and its
 *       connection closed by a reaper thread.</li>
 *   <li>A call that loses the connection, or that the server answers by rolling the whole transaction back (a
 *       deadlock), aborts the transaction.</li>
 * </ul>
 */
public final class Transactions implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);
    private static final int ID_BYTES = 72;
    private static final Duration LONGEST_REAPER_PERIOD = Duration.ofSeconds(1);
    private static final Duration SHORTEST_REAPER_PERIOD = Duration.ofMillis(10);

    private final Map<String, Transaction> open = new ConcurrentHashMap<>();
    private final EndedTransactions ended = new EndedTransactions();
    private final SecureRandom random = new SecureRandom();
    private final long idleTimeoutNanos;
    private final ScheduledExecutorService reaper;

    public Transactions(Duration idleTimeout) {
        this.idleTimeoutNanos = idleTimeout.toNanos();
        this.reaper = Executors.newSingleThreadScheduledExecutor(Daemons.named("data-api-transaction-reaper"));
        long periodNanos = Math.max(SHORTEST_REAPER_PERIOD.toNanos(),
                Math.min(LONGEST_REAPER_PERIOD.toNanos(), idleTimeoutNanos / 4));
        reaper.scheduleAtFixedRate(this::expireIdle, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
    }

    /** Starts a transaction in {@code database} and returns its id. */
    String begin(Cluster cluster, String database) {
        DatabaseSession session = cluster.connections().borrow();
        try {
            session.useDatabase(database);
            session.connection().setAutoCommit(false);
        } catch (SQLException e) {
            session.closeQuietly();
            throw SqlErrors.toDataApiException(e);
        }
        String id = newId();
        open.put(id, new Transaction(id, cluster, session, database));
        return id;
    }

    /** The transaction's session, for one call. */
    SessionLease lease(String transactionId, Cluster cluster) {
        Transaction transaction = take(transactionId, cluster);
        return new SessionLease() {
            @Override
            public DatabaseSession session() {
                return transaction.session();
            }

            @Override
            public String defaultDatabase() {
                return transaction.database();
            }

            @Override
            public boolean inTransaction() {
                return true;
            }

            @Override
            public void release(CallOutcome outcome) {
                if (outcome == CallOutcome.USABLE) {
                    transaction.putBack();
                } else {
                    forget(transaction, Reason.ABORTED);
                    transaction.session().closeQuietly();
                }
            }
        };
    }

    /** Whether any transaction is open: each holds a database connection. */
    public boolean anyOpen() {
        return !open.isEmpty();
    }

    void commit(String transactionId, Cluster cluster) {
        end(take(transactionId, cluster), true);
    }

    void rollback(String transactionId, Cluster cluster) {
        end(take(transactionId, cluster), false);
    }

    /**
     * Ends a transaction whose last statement ended MySQL's transaction, as a service that tracked it would: later
     * calls naming it are told that "One previous call resulted in a termination of your transaction." Whatever MySQL
     * left open (nothing, after a commit) is committed.
     */
    void endAfterImplicitCommit(String transactionId, Cluster cluster) {
        Transaction transaction = open.get(transactionId);
        if (transaction != null && transaction.cluster() == cluster && transaction.tryTake()) {
            end(transaction, true);
        }
    }

    /**
     * Rolls back and closes every open transaction. One that is running a call has its connection aborted, which the
     * server rolls back: waiting for the call could take as long as the statement.
     */
    @Override
    public void close() {
        reaper.shutdownNow();
        open.values().forEach(transaction -> {
            forget(transaction, Reason.ABORTED);
            if (transaction.tryTake()) {
                rollBackQuietly(transaction.session().connection());
                transaction.session().closeQuietly();
            } else {
                transaction.session().abortQuietly();
            }
        });
    }

    private Transaction take(String transactionId, Cluster cluster) {
        Transaction transaction = open.get(transactionId);
        if (transaction == null || transaction.cluster() != cluster) {
            throw DataApiException.of(DataApiErrorType.TRANSACTION_NOT_FOUND, "Transaction " + transactionId
                    + " isn't found. " + ended.reasonFor(transactionId).explanation());
        }
        if (!transaction.tryTake()) {
            throw DataApiException.of(DataApiErrorType.DATABASE_ERROR, "Transaction is still running a query");
        }
        return transaction;
    }

    /** Commits or rolls back a taken transaction; its session goes back to the pool when that worked. */
    private void end(Transaction transaction, boolean commit) {
        forget(transaction, Reason.ENDED);
        DatabaseSession session = transaction.session();
        Connection connection = session.connection();
        try {
            if (commit) {
                connection.commit();
            } else {
                connection.rollback();
            }
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            session.closeQuietly();
            throw SqlErrors.toDataApiException(e);
        }
        transaction.cluster().connections().giveBack(session);
    }

    private void expireIdle() {
        for (Transaction transaction : open.values()) {
            if (transaction.idleLongerThan(idleTimeoutNanos) && transaction.tryTake()) {
                forget(transaction, Reason.EXPIRED);
                try {
                    rollBackQuietly(transaction.session().connection());
                } catch (RuntimeException e) {
                    // a failure here must not stop the reaper, whose later runs would then never happen
                    LOG.warn("could not roll back expired transaction; closing its connection anyway", e);
                }
                transaction.session().closeQuietly();
            }
        }
    }

    private void forget(Transaction transaction, Reason reason) {
        ended.remember(transaction.id(), reason);
        open.remove(transaction.id());
    }

    private String newId() {
        byte[] bytes = new byte[ID_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void rollBackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is closed next, which rolls back whatever is left
        }
    }
}
