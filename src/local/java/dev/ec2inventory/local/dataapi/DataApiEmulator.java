package dev.ec2inventory.local.dataapi;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.ec2inventory.local.dataapi.engine.Cluster;
import dev.ec2inventory.local.dataapi.engine.Clusters;
import dev.ec2inventory.local.dataapi.engine.Daemons;
import dev.ec2inventory.local.dataapi.engine.DataApiService;
import dev.ec2inventory.local.dataapi.engine.StatementRunner;
import dev.ec2inventory.local.dataapi.engine.Transactions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local RDS Data API: the rds-data REST-JSON protocol (API 2018-08-01) over HTTP, backed by MySQL-compatible
 * databases over JDBC. Point the real {@code RdsDataClient} at {@link #endpoint()} with {@code endpointOverride}.
 *
 * <pre>{@code
 * try (DataApiEmulator emulator = DataApiEmulator.builder()
 *         .cluster(LocalCluster.on(databaseServer))   // or new ClusterBinding(resourceArn, secretArn, server, database)
 *         .port(0)                                     // any free port; 127.0.0.1 unless bindAddress(...) says otherwise
 *         .start()) {
 *     URI endpoint = emulator.endpoint();
 * }
 * }</pre>
 *
 * <p>It serves ExecuteStatement, BatchExecuteStatement and the three transaction operations as Aurora MySQL
 * Serverless v2 answers them, refuses ExecuteSql as v2 does, and enforces the service's limits: 4 MiB per request,
 * 1 MiB of result data per call, the statement timeout and the transaction idle timeout. Tests can inject faults
 * ({@link #faults()}) and read call counts ({@link #calls()}); neither is reachable over HTTP.
 *
 * <p>A call runs as its secret's database account, so grants hold as on Aurora. The same endpoint answers Secrets
 * Manager's {@code GetSecretValue} for those secrets, with the account's user name and password.
 *
 * <p>{@link Builder#start()} binds the port, opens one connection per cluster (a cluster whose database is down is
 * logged and answers {@code DatabaseUnavailableException} until it is up), and logs one line per cluster with the
 * ARNs, the database and the measured start-up time.
 */
public final class DataApiEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DataApiEmulator.class);

    static {
        // The JDK server leaves Nagle's algorithm on; with the client's delayed ACKs that adds about 40 ms to every
        // call (measured: 45 ms against 3 ms per SDK call). It reads this property once, when first used in the JVM.
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService httpThreads;
    private final Clusters clusters;
    private final Transactions transactions;
    private final StatementRunner runner;
    private final DataApiFaults faults;
    private final DataApiCalls calls;
    private final URI endpoint;
    private final Duration startupTime;
    private final Optional<AutoPause> autoPause;
    private final PausableInstance instance;

    private DataApiEmulator(Builder builder) throws IOException {
        long started = System.nanoTime();
        // Bound first: a taken port fails the start before any connection is opened.
        this.server = HttpServer.create(new InetSocketAddress(builder.bindAddress, builder.port), 0);
        this.clusters = new Clusters(builder.clusters);
        List<String> warmUpProblems = warmUp(clusters);
        this.transactions = new Transactions(builder.transactionIdleTimeout);
        this.runner = new StatementRunner(builder.statementTimeout);
        this.faults = new DataApiFaults();
        this.calls = new DataApiCalls();
        this.httpThreads = Executors.newCachedThreadPool(Daemons.named("data-api-http"));
        this.autoPause = builder.autoPause;
        this.instance = autoPause.map(settings -> PausableInstance.pausing(settings, builder.clock,
                transactions::anyOpen, builder.clusters.get(0).resourceArn())).orElseGet(PausableInstance::alwaysOn);
        HttpHandler dataApi = new DataApiHttpHandler(new DataApiService(clusters, transactions, runner,
                builder.implicitCommitEndsTransaction), faults, calls, this.instance);
        HttpHandler secrets = new SecretsManagerHttpHandler(builder.clusters);
        server.createContext("/", exchange ->
                (SecretsManagerHttpHandler.isFor(exchange) ? secrets : dataApi).handle(exchange));
        server.setExecutor(httpThreads);
        server.start();
        this.endpoint = endpointOf(builder.bindAddress, server.getAddress().getPort());
        this.startupTime = Duration.ofNanos(System.nanoTime() - started);
        logStart(builder.clusters, warmUpProblems);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:<port>}: the SDK's {@code endpointOverride}. */
    public URI endpoint() {
        return endpoint;
    }

    public DataApiFaults faults() {
        return faults;
    }

    public DataApiCalls calls() {
        return calls;
    }

    public List<ClusterBinding> clusters() {
        return clusters.all().stream().map(Cluster::binding).toList();
    }

    /** The auto-pause simulation's settings, if it is on. */
    public Optional<AutoPause> autoPause() {
        return autoPause;
    }

    /** How many calls the auto-pause simulation answered with {@code DatabaseResumingException}. */
    public long resumingAnswers() {
        return instance.resumingAnswers();
    }

    /** How long {@link Builder#start()} took: binding the port and opening a first connection per cluster. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Stops serving, rolls back open transactions and closes every connection. */
    @Override
    public void close() {
        server.stop(0);
        httpThreads.shutdownNow();
        runner.close();
        transactions.close();
        clusters.close();
    }

    private static List<String> warmUp(Clusters clusters) {
        List<String> problems = new ArrayList<>();
        for (Cluster cluster : clusters.all()) {
            Optional<String> problem = cluster.warmUp();
            problem.ifPresent(text -> problems.add(cluster.binding().secretArn() + ": " + text));
        }
        return problems;
    }

    private void logStart(List<ClusterBinding> bindings, List<String> warmUpProblems) {
        for (ClusterBinding binding : bindings) {
            LOG.info("Data API emulator at {} (started in {} ms): resourceArn {} secretArn {} database {} on {}",
                    endpoint, startupTime.toMillis(), binding.resourceArn(), binding.secretArn(),
                    binding.defaultDatabase(), binding.databaseServer().description());
        }
        warmUpProblems.forEach(problem -> LOG.warn("Data API emulator: no database connection yet for {}", problem));
        autoPause.ifPresent(settings -> LOG.info("Data API emulator: auto-pause simulated; the database pauses after {} "
                + "without calls and takes {} to resume", settings.pauseAfterIdle(), settings.resumeTakes()));
    }

    private static URI endpointOf(InetAddress address, int port) {
        String host = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        return URI.create("http://" + host + ":" + port);
    }

    /** Settings for a new emulator; only {@link #cluster(ClusterBinding)} is required. */
    public static final class Builder {

        private final List<ClusterBinding> clusters = new ArrayList<>();
        private InetAddress bindAddress = InetAddress.getLoopbackAddress();
        private int port;
        private Duration statementTimeout = Duration.ofSeconds(45);
        private Duration transactionIdleTimeout = Duration.ofMinutes(3);
        private Optional<AutoPause> autoPause = Optional.empty();
        private InstantSource clock = InstantSource.system();
        private boolean implicitCommitEndsTransaction;

        private Builder() {
        }

        /** Serves this (cluster, secret) pair; call once per pair. */
        public Builder cluster(ClusterBinding cluster) {
            Objects.requireNonNull(cluster, "cluster");
            boolean duplicate = clusters.stream().anyMatch(served -> served.resourceArn().equals(cluster.resourceArn())
                    && served.secretArn().equals(cluster.secretArn()));
            if (duplicate) {
                throw new IllegalArgumentException("this (resourceArn, secretArn) pair is served already: "
                        + cluster.resourceArn() + ", " + cluster.secretArn());
            }
            clusters.add(cluster);
            return this;
        }

        /** The TCP port; 0 (the default) takes any free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0 to 65535, not " + port);
            }
            this.port = port;
            return this;
        }

        /** Where to listen; 127.0.0.1 by default, so nothing off this machine can reach it. */
        public Builder bindAddress(InetAddress bindAddress) {
            this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
            return this;
        }

        /** How long a statement may run before the call fails with StatementTimeoutException; 45 s by default. */
        public Builder statementTimeout(Duration statementTimeout) {
            this.statementTimeout = requirePositive(statementTimeout, "statementTimeout");
            return this;
        }

        /** How long a transaction may go unused before it is rolled back; 3 minutes by default. */
        public Builder transactionIdleTimeout(Duration transactionIdleTimeout) {
            this.transactionIdleTimeout = requirePositive(transactionIdleTimeout, "transactionIdleTimeout");
            return this;
        }

        /**
         * Simulates Aurora Serverless v2 auto-pause (off by default): after {@link AutoPause#pauseAfterIdle()} without
         * a call or an open transaction, calls answer {@code DatabaseResumingException} for
         * {@link AutoPause#resumeTakes()}, counted from the first of them. See {@code PausableInstance}.
         */
        public Builder autoPause(AutoPause settings) {
            this.autoPause = Optional.of(Objects.requireNonNull(settings, "settings"));
            return this;
        }

        /**
         * Whether a statement that ends MySQL's transaction inside a Data API transaction (DDL, {@code COMMIT},
         * {@code ROLLBACK}, {@code START TRANSACTION}, {@code SET autocommit = 1}, ...) also ends the Data API
         * transaction, so that later calls naming it get {@code TransactionNotFoundException}. Off by default: the
         * transaction then goes on. The service documents neither; turn this on to check that a client depends on
         * neither. See the package documentation.
         */
        public Builder implicitCommitEndsTransaction(boolean ends) {
            this.implicitCommitEndsTransaction = ends;
            return this;
        }

        /** The time the auto-pause simulation reads; the system clock by default. Tests pass one they move. */
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Binds the port, opens a first connection per cluster and starts serving. */
        public DataApiEmulator start() {
            if (clusters.isEmpty()) {
                throw new IllegalStateException("an emulator needs at least one cluster; see LocalCluster.on(server)");
            }
            try {
                return new DataApiEmulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("the Data API emulator cannot listen on "
                        + bindAddress.getHostAddress() + ":" + port, e);
            }
        }

        private static Duration requirePositive(Duration duration, String name) {
            if (duration == null || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, not " + duration);
            }
            return duration;
        }
    }
}
