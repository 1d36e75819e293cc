package io.agentevents.bootstrap;

import io.agentevents.adapter.http.ApiOptions;
import io.agentevents.adapter.http.ApiRouter;
import io.agentevents.adapter.http.ApiUseCases;
import io.agentevents.adapter.http.edge.InvalidRequests;
import io.agentevents.adapter.http.support.ApiMetrics;
import io.agentevents.adapter.http.support.JsonCodec;
import io.agentevents.adapter.http.support.VertxWorkers;
import io.agentevents.adapter.http.support.WaitingPolls;
import io.agentevents.application.memory.InMemoryUserTokens;
import io.agentevents.application.port.in.operations.FlushPresenceUseCase;
import io.agentevents.application.port.in.operations.PurgeExpiredUseCase;
import io.agentevents.application.port.out.AgentSessionRepository;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.port.out.Transactions;
import io.agentevents.application.port.out.access.AgentTokens;
import io.agentevents.application.port.out.access.TokenHash;
import io.agentevents.application.service.FeedStamps;
import io.agentevents.application.service.PresenceBuffer;
import io.agentevents.application.service.access.RememberedIdentities;
import io.agentevents.application.service.operations.FlushPresenceService;
import io.agentevents.application.service.operations.PurgeExpiredService;
import io.agentevents.application.service.operations.ReadStatisticsService;
import io.agentevents.application.service.operations.SweepPresenceService;
import io.agentevents.application.service.presence.PresenceAnnouncer;
import io.agentevents.bootstrap.config.AppConfig;
import io.agentevents.bootstrap.config.HttpServerSettings;
import io.agentevents.bootstrap.config.UserToken;
import io.agentevents.domain.access.UserCaller;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.session.PresencePolicy;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: stores, then services, then the router and the HTTP server, by plain
 * constructor calls: PostgreSQL when a database is configured, else in memory. The handle it
 * returns tells the port and shuts everything down.
 */
public final class AgentEventsApp implements AutoCloseable {

    private static final Duration MICROSECOND = Duration.ofNanos(1_000);

    private static final Logger LOG = LoggerFactory.getLogger(AgentEventsApp.class);
    /** In-flight requests get this long to finish when the service stops. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);
    /** How often buffered check-ins and heartbeats are written; status lags by at most about this. */
    static final Duration PRESENCE_FLUSH = Duration.ofMillis(200);

    private final Vertx vertx;
    private final HttpServers server;
    private final Stores stores;
    private final FlushPresenceUseCase flush;
    private final long flushTimer;
    private final WaitingPolls waitingPolls;
    private final JvmMeters jvmMeters;
    private final ScheduledExecutorService deadlines;

    private AgentEventsApp(Vertx vertx, HttpServers server, Stores stores, FlushPresenceUseCase flush, long flushTimer,
                           WaitingPolls waitingPolls, JvmMeters jvmMeters, ScheduledExecutorService deadlines) {
        this.deadlines = deadlines;
        this.vertx = vertx;
        this.server = server;
        this.stores = stores;
        this.flush = flush;
        this.flushTimer = flushTimer;
        this.waitingPolls = waitingPolls;
        this.jvmMeters = jvmMeters;
    }

    /**
     * Starts the service on the configured store.
     *
     * @param clock the only clock of the service; tests pass one they control. It is read in
     *              microsecond ticks: the wire format and timestamptz both hold microseconds, so a
     *              time read from memory and the same time read back from the database agree.
     * @throws RuntimeException if the database cannot be reached or the port cannot be bound;
     *                          nothing is left running
     */
    public static AgentEventsApp start(AppConfig config, Clock clock) {
        return startTicking(config, Clock.tick(clock, MICROSECOND));
    }

    private static AgentEventsApp startTicking(AppConfig config, Clock clock) {
        Vertx vertx = Vertx.vertx();
        Stores stores = null;
        JvmMeters jvmMeters = null;
        ScheduledExecutorService deadlines = null;
        try {
            PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            if (!config.server().metrics()) {
                meters.config().meterFilter(MeterFilter.deny()); // every meter becomes a no-op
            }
            jvmMeters = JvmMeters.bindTo(meters);
            Schedules schedules = config.schedules();
            stores = config.database().map(database -> Stores.postgres(database, clock))
                    .orElseGet(() -> Stores.inMemory(clock));
            EventLog eventLog = stores.eventLog();
            AgentSessionRepository sessions = stores.sessions();
            AgentTokens agentTokens = stores.agentTokens();
            Transactions transactions = stores.transactions();
            Optional<RememberedIdentities> identities = IdentityWiring.start(vertx, config.identity(), clock, meters);
            InMemoryUserTokens userTokens = identities.isPresent()
                    ? InMemoryUserTokens.servingEveryProject(userTokensOf(config))
                    : new InMemoryUserTokens(userTokensOf(config));
            PresenceBuffer presence = new PresenceBuffer();
            // Answers are remembered only before a store that may block; the in-memory one is as fast itself.
            FeedStamps stamps = stores.mayBlock() ? FeedStamps.following(stores.signals()) : FeedStamps.never();

            // Work that takes a while (a password hash, a purge) goes to workers; so does every store
            // call on a store that may block. The in-memory store answers inline, on the event loop.
            StoreCalls workers = new VertxWorkers(vertx);
            StoreCalls storeCalls = stores.mayBlock() ? workers : StoreCalls.inline();
            deadlines = LongPollDeadlines.start();
            PresenceAnnouncer announcer = config.presenceEvents().enabled()
                    ? PresenceAnnouncer.on(stores.announcedPresence(), eventLog) : PresenceAnnouncer.off(eventLog);
            ApiUseCases useCases = ServiceWiring.useCases(stores, config, userTokens, presence, announcer, stamps, clock,
                    storeCalls, workers, identities, deadlines, meters);
            stores.publishMetrics().accept(meters);
            Gauge.builder("agent.events.presence.buffered", presence, PresenceBuffer::size)
                    .description("agents whose check-in or heartbeat waits for the next presence flush (every 200 ms)")
                    .register(meters);
            ServiceGauges.start(vertx, new ReadStatisticsService(sessions, eventLog, stores.agentRequests(),
                            PresencePolicy.of(schedules), clock,
                            workers),
                    meters);
            PurgeExpiredUseCase purge = new PurgeExpiredService(eventLog, agentTokens, stores.idempotencyRecords(),
                    stores.agentRequests(), config.eventRetention(), config.requests().requestTtl(), clock, workers);

            WaitingPolls waitingPolls = new WaitingPolls(WaitingPolls.DEFAULT_MAX_PER_TOKEN);
            // The server's port is known once it listens (port 0 picks one); the URL asks for it when used.
            AtomicReference<HttpServers> listening = new AtomicReference<>();
            ApiOptions apiOptions = new ApiOptions(config.server().rateLimitPerSecond(), waitingPolls,
                    new ApiMetrics(meters, meters::scrape),
                    config.server().publicUrlOn(() -> listening.get() == null ? config.port() : listening.get().port()),
                    config.requests().logfileLinks(clock), config.requests().browseAnswerLimit(),
                    config.server().trustedProxies(), config.server().crossOrigins(), ApiOptions.DEFAULT_STREAM_KEEP_ALIVE);
            JsonCodec codec = new JsonCodec();
            HttpServers server = HttpServers.listen(vertx, HttpServerSettings.of(config),
                    ApiRouter.create(vertx, useCases, codec, apiOptions), new InvalidRequests(codec),
                    config.server().eventLoops());
            listening.set(server);
            BackgroundTasks.schedulePurge(vertx, purge, config.eventRetention());
            FlushPresenceUseCase flush = new FlushPresenceService(presence, sessions, announcer, transactions, schedules,
                    workers);
            if (config.presenceEvents().enabled()) {
                BackgroundTasks.scheduleSweep(vertx, new SweepPresenceService(stores.announcedPresence(), announcer,
                        presence, transactions, PresencePolicy.of(schedules), config.presenceEvents().holdDown(), clock,
                        workers));
            }
            AtomicBoolean flushing = new AtomicBoolean();
            Gauge.builder("agent.events.presence.flushing", flushing, busy -> busy.get() ? 1 : 0)
                    .description("1 while a presence flush is writing, else 0").register(meters);
            long flushTimer = BackgroundTasks.scheduleFlush(vertx, flush, flushing, PRESENCE_FLUSH);
            return new AgentEventsApp(vertx, server, stores, flush, flushTimer, waitingPolls, jvmMeters, deadlines);
        } catch (RuntimeException failed) {
            vertx.close();
            if (deadlines != null) {
                deadlines.shutdownNow();
            }
            closeQuietly(stores);
            if (jvmMeters != null) {
                jvmMeters.close();
            }
            throw failed;
        }
    }

    private static Map<TokenHash, UserCaller> userTokensOf(AppConfig config) {
        return config.userTokens().stream().collect(Collectors.toMap(
                UserToken::tokenHash,
                token -> new UserCaller(token.project(), token.role())));
    }

    public int port() {
        return server.port();
    }

    /** How many event loops serve HTTP, one server instance each. */
    public int eventLoops() {
        return server.instances();
    }

    /** Which store serves, for the start-up log line. */
    public String storeDescription() {
        return stores.description();
    }

    /**
     * Stops accepting connections, answers waiting long-polls at once with what they have, lets
     * in-flight requests finish (up to a grace period), writes the last presence, then stops.
     */
    @Override
    public void close() {
        try {
            waitingPolls.answerAllNow();
            server.shutdown(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            vertx.cancelTimer(flushTimer);
            flushPresenceOnce();
        } finally {
            deadlines.shutdownNow();
            vertx.close().await();
            closeQuietly(stores);
            jvmMeters.close();
        }
    }

    /** The last check-ins and heartbeats this node took are written before it stops. */
    private void flushPresenceOnce() {
        try {
            flush.flush().toCompletableFuture().get(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            LOG.warn("could not write the last presence before stopping: interrupted");
        } catch (ExecutionException | TimeoutException failed) {
            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
            LOG.warn("could not write the last presence before stopping: {}", cause.getMessage());
        }
    }

    private static void closeQuietly(Stores stores) {
        if (stores == null) {
            return;
        }
        try {
            stores.resources().close();
        } catch (Exception failed) {
            LOG.warn("closing the store failed", failed);
        }
    }
}
