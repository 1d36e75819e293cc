package io.agentevents.adapter.postgres;

import io.agentevents.adapter.postgres.settings.PostgresSettings;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.agentevents.adapter.postgres.failure.EvictReadOnlyConnections;
import io.agentevents.adapter.postgres.listen.ListenSocketFactory;
import io.agentevents.adapter.postgres.failure.PostgresFailures;
import io.agentevents.application.port.out.StoreProbe;
import io.agentevents.application.port.out.StoreUnavailableException;
import io.agentevents.application.port.out.Transactions;
import io.agentevents.domain.ProjectId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.SqlStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.function.BiFunction;

/**
 * The PostgreSQL store: a HikariCP pool, the schema migrated by Flyway at start-up, and Jdbi on
 * top. It is also the {@link Transactions} of every Postgres port: Jdbi hands nested calls on one
 * thread the same handle, so stores used inside {@link #inTransaction} join its transaction.
 */
public final class PostgresStore implements Transactions, StoreProbe, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresStore.class);

    /** How long the listening connection waits for a reply before it counts as lost. */
    static final Duration LISTEN_SOCKET_TIMEOUT = Duration.ofSeconds(5);
    /** How long the driver trusts what it learnt of a host (primary or standby) in a multi-host URL. */
    static final Duration HOST_RECHECK = Duration.ofSeconds(1);

    private final PostgresSettings settings;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final AtomicBoolean reachable = new AtomicBoolean(true);
    /** Set on the group committer's thread while a group runs: its writes are held back until the group's end. */
    private final ThreadLocal<GroupWrites> groupWrites = new ThreadLocal<>();
    /** This thread's transactions, outermost first: only the outermost commits, so only it runs a write held back. */
    private final ThreadLocal<int[]> transactionDepth = ThreadLocal.withInitial(() -> new int[1]);
    /** A write of this thread's transaction held back to ride on its next statement ({@link #deferToNextStatement}). */
    private final ThreadLocal<DeferredWrite> deferredWrite = new ThreadLocal<>();
    /** Event counters this thread's transaction has locked, with their values, for its next events' writes. */
    private final ThreadLocal<Map<ProjectId, Long>> lockedCounters = new ThreadLocal<>();
    /** Told of this node's notification payloads once their transaction commits, before its caller hears of it. */
    private volatile Consumer<String> committedHere = payload -> { };

    private PostgresStore(PostgresSettings settings, HikariDataSource dataSource) {
        this.settings = settings;
        this.dataSource = dataSource;
        this.jdbi = Jdbi.create(dataSource);
    }

    /**
     * Connects, migrates the schema and returns the store.
     *
     * @throws StoreUnavailableException if the database cannot be reached or migrated
     */
    public static PostgresStore open(PostgresSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        settings.user().ifPresent(config::setUsername);
        settings.password().ifPresent(config::setPassword);
        settings.schema().ifPresent(config::setSchema);
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setValidationTimeout(Math.min(1_000, settings.connectionTimeout().toMillis()));
        config.setPoolName("agent-events");
        // A dead database must fail requests quickly (503), not hang them: bound socket waits too.
        config.addDataSourceProperty("connectTimeout", Math.max(1, settings.connectionTimeout().toSeconds()));
        config.addDataSourceProperty("socketTimeout", 30);
        config.addDataSourceProperty("tcpKeepAlive", true);
        // With several hosts in the URL, the driver remembers which was primary; after a failover it
        // must look again within seconds, not the driver's default 10 s.
        config.addDataSourceProperty("hostRecheckSeconds", HOST_RECHECK.toSeconds());
        config.setExceptionOverrideClassName(EvictReadOnlyConnections.class.getName());
        HikariDataSource dataSource;
        try {
            dataSource = new HikariDataSource(config);
        } catch (RuntimeException unreachable) {
            throw new StoreUnavailableException("cannot connect to PostgreSQL: " + unreachable.getMessage(), unreachable);
        }
        try {
            var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
            settings.schema().ifPresent(schema -> flyway.schemas(schema).defaultSchema(schema).createSchemas(true));
            var result = flyway.load().migrate();
            LOG.info("PostgreSQL schema {} is at version {} ({} migrations applied now)",
                    settings.schema().orElse("(default)"), result.targetSchemaVersion, result.migrationsExecuted);
        } catch (RuntimeException failed) {
            dataSource.close();
            throw new StoreUnavailableException("cannot migrate the PostgreSQL schema: " + failed.getMessage(), failed);
        }
        return new PostgresStore(settings, dataSource);
    }

    Jdbi jdbi() {
        return jdbi;
    }

    /** A connection of its own, outside the pool, for a LISTEN that lives as long as the node. */
    Connection openDedicatedConnection() throws SQLException {
        Properties properties = new Properties();
        settings.user().ifPresent(user -> properties.setProperty("user", user));
        settings.password().ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("connectTimeout", Long.toString(Math.max(1, settings.connectionTimeout().toSeconds())));
        properties.setProperty("tcpKeepAlive", "true");
        properties.setProperty("hostRecheckSeconds", Long.toString(HOST_RECHECK.toSeconds()));
        // A reply overdue this long means the connection is gone, even if no error says so.
        properties.setProperty("socketTimeout", Long.toString(LISTEN_SOCKET_TIMEOUT.toSeconds()));
        // A notification reaches the listener as it arrives, not a millisecond later (a socketFactory in the URL wins).
        properties.setProperty("socketFactory", ListenSocketFactory.class.getName());
        return DriverManager.getConnection(settings.jdbcUrl(), properties);
    }

    /**
     * Runs store work on this thread's handle (joining a transaction in progress). Driver failures
     * become {@link StoreUnavailableException} when the database is out of reach; the first such
     * failure and the first success after it are logged, so an outage shows in the log once.
     */
    <T> T call(HandleCallback<T, RuntimeException> work) {
        return onHandle(handle -> {
            runDeferred(handle);
            return work.withHandle(handle);
        });
    }

    private <T> T onHandle(HandleCallback<T, RuntimeException> work) {
        try {
            T result = jdbi.withHandle(work);
            markReachable();
            return result;
        } catch (JdbiException failed) {
            throw markFailed(PostgresFailures.translate(failed));
        }
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return inTransactionOnHandle(handle -> work.get());
    }

    /** {@link #inTransaction} for work that needs the handle itself (for savepoints). */
    <T> T inTransactionOnHandle(HandleCallback<T, RuntimeException> work) {
        int[] depth = transactionDepth.get();
        depth[0]++;
        try {
            T result = jdbi.inTransaction(handle -> {
                T done = work.withHandle(handle);
                if (depth[0] == 1) {
                    runDeferred(handle); // before the commit
                }
                return done;
            });
            markReachable();
            return result;
        } catch (JdbiException failed) {
            throw markFailed(PostgresFailures.translate(failed));
        } catch (StoreUnavailableException unavailable) {
            throw markFailed(unavailable);
        } finally {
            if (--depth[0] == 0) {
                deferredWrite.remove(); // a transaction that failed takes its held-back write with it
                lockedCounters.remove();
            }
        }
    }

    /**
     * Holds a write of the transaction under way back until its next statement, which carries it
     * along (the event counter's lock or the writes of events, see {@link GroupWrites}) or runs it
     * first: one round trip less, and still before anything else reads in the transaction. It
     * must not be able to fail for the request's own reasons, which would then surface later.
     *
     * @param sql an UPDATE, DELETE or INSERT that can stand as a data-modifying {@code WITH} query
     */
    void deferToNextStatement(Handle handle, String sql, Consumer<SqlStatement<?>> binding) {
        if (transactionDepth.get()[0] == 0) {
            throw new IllegalStateException("a write can be held back only within a transaction");
        }
        runDeferred(handle);
        deferredWrite.set(new DeferredWrite(sql, binding));
    }

    /**
     * The transaction has locked the project's event counter (reading {@code lastId}): the next
     * events it writes need not lock it again. Only until they are written, which moves it.
     */
    void counterLockedInTransaction(ProjectId project, long lastId) {
        if (transactionDepth.get()[0] == 0) {
            return; // the lock ended with its statement
        }
        Map<ProjectId, Long> locked = lockedCounters.get();
        if (locked == null) {
            locked = new HashMap<>();
            lockedCounters.set(locked);
        }
        locked.put(project, lastId);
    }

    /** Takes the counters this transaction locked and no write has moved yet. */
    private Map<ProjectId, Long> takeLockedCounters() {
        Map<ProjectId, Long> locked = lockedCounters.get();
        lockedCounters.remove();
        return locked == null ? Map.of() : locked;
    }

    /** Takes the write held back, for a statement that carries it; that statement must run next. */
    Optional<DeferredWrite> takeDeferred() {
        DeferredWrite deferred = deferredWrite.get();
        deferredWrite.remove();
        return Optional.ofNullable(deferred);
    }

    private void runDeferred(Handle handle) {
        takeDeferred().ifPresent(deferred -> deferred.bind(handle.createUpdate(deferred.sql())).execute());
    }

    /** A write held back, and how its parameters bind (to a statement of its own, or one it rides on). */
    record DeferredWrite(String sql, Consumer<SqlStatement<?>> binding) {

        <S extends SqlStatement<S>> S bind(S statement) {
            binding.accept(statement);
            return statement;
        }

        /** {@code statement} carrying this write first, as a {@code WITH} query of its own. */
        String carriedBy(String statement) {
            String carried = "carried AS (" + sql + ")";
            return statement.startsWith("WITH ") ? "WITH " + carried + ", " + statement.substring(5)
                    : "WITH " + carried + " " + statement;
        }
    }

    /** Runs a commit group's work with the stores' writes held back in {@code writes} (see {@link GroupWrites}). */
    <T> T holdingWrites(GroupWrites writes, Supplier<T> work) {
        groupWrites.set(writes);
        try {
            return work.get();
        } finally {
            groupWrites.remove();
        }
    }

    /** Where this node's own notification payloads go once committed (the node's listener). */
    void onCommittedHere(Consumer<String> receiver) {
        this.committedHere = receiver;
    }

    /**
     * Hands {@code payloads} to this node's listener as soon as the handle's transaction commits,
     * on the committing thread, so this node knows of its own appends before it answers for them,
     * not only when their notifications come back from PostgreSQL.
     */
    void announceAfterCommit(Handle handle, List<String> payloads) {
        if (!payloads.isEmpty()) {
            handle.afterCommit(() -> payloads.forEach(committedHere));
        }
    }

    /**
     * The one way the stores write events and project activations: into the commit group running
     * on this thread, or else into a group of one, written at once in the caller's transaction (or
     * a transaction of its own) and announced to this node when that commits.
     */
    <T> T writing(BiFunction<Handle, GroupWrites, T> work) {
        GroupWrites group = groupWrites.get();
        if (group != null) {
            return call(handle -> work.apply(handle, group));
        }
        return inTransaction(() -> onHandle(handle -> {
            GroupWrites alone = new GroupWrites(takeDeferred(), takeLockedCounters());
            T result = work.apply(handle, alone);
            alone.flush(handle);
            announceAfterCommit(handle, alone.notifications());
            return result;
        }));
    }

    private void markReachable() {
        if (!reachable.get() && reachable.compareAndSet(false, true)) {
            LOG.info("PostgreSQL is reachable again; serving requests");
        }
    }

    private RuntimeException markFailed(RuntimeException failure) {
        if (failure instanceof StoreUnavailableException && reachable.compareAndSet(true, false)) {
            LOG.warn("lost PostgreSQL ({}); answering 503 until it is back", rootMessage(failure));
        }
        return failure;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    @Override
    public void ping() {
        call(handle -> handle.createQuery("SELECT 1").mapTo(Integer.class).one());
    }

    /**
     * Publishes the connection pool's meters (connections active, idle, pending; acquire times)
     * to a Micrometer {@code MeterRegistry}, typed {@code Object} as HikariCP takes it, so this
     * adapter needs no metrics library of its own.
     */
    public void publishPoolMetrics(Object meterRegistry) {
        dataSource.setMetricRegistry(meterRegistry);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
