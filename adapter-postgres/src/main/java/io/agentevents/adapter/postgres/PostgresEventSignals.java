package io.agentevents.adapter.postgres;

import io.agentevents.adapter.postgres.row.FeedGrowthText;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.EventSignals;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.event.AgentEvent;
import io.agentevents.domain.event.StoredEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The node's LISTEN on the channel that {@link PostgresEventLog} notifies from every appending
 * transaction, so a poll waiting on any node wakes when any node appends. One dedicated
 * connection and one thread per node; after losing the database it reconnects and tells the
 * listener that signals may have been missed.
 */
public final class PostgresEventSignals implements EventSignals, AutoCloseable {

    static final String CHANNEL = "agent_events";
    /**
     * Starts the notifications that carry what grew in an agent's feed: {@code +<project> <agent>
     * <growth>} ({@link FeedGrowthText}). Earlier releases find no project in it and ignore it.
     */
    static final String GROWTH = "+";
    /** A presence flush was committed. One word without a space: 0.1.0 ignores it, as it ignores every payload not "project agent". */
    static final String PRESENCE_WRITTEN = "@presence";
    private static final Logger LOG = LoggerFactory.getLogger(PostgresEventSignals.class);
    private static final int POLL_MILLIS = 500;
    /**
     * A LISTEN on a connection that silently stopped carrying packets (a network partition) would
     * wait for notifications forever without an error, while this node went on answering from
     * memory; a query this often, bounded by the connection's socket timeout, notices it.
     */
    private static final long PING_EVERY_NANOS = Duration.ofSeconds(2).toNanos();
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);

    private final PostgresStore store;
    private final Thread thread;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;
    private volatile boolean listening;
    private final CompletableFuture<Void> firstListening = new CompletableFuture<>();

    public PostgresEventSignals(PostgresStore store) {
        this.store = store;
        store.onCommittedHere(this::dispatch);
        this.thread = new Thread(this::run, "agent-events-listen");
        thread.setDaemon(true);
        thread.start();
    }

    /** {@code "<project> <agent id or *>"}: which feeds may have grown. */
    static String payload(ProjectId project, Optional<AgentId> agent) {
        return project.value() + " " + agent.map(AgentId::toString).orElse("*");
    }

    /** The distinct payloads that announce these appended events: one per feed they change (heartbeats change none). */
    static List<String> payloads(ProjectId project, List<StoredEvent> stored) {
        return stored.stream().map(StoredEvent::event).filter(EventLog::inAgentFeeds).map(AgentEvent::agent).distinct()
                .map(agent -> payload(project, agent)).toList();
    }

    /** Whether the LISTEN is in place now (signals of appends committed from here on will arrive). */
    public boolean isListening() {
        return listening;
    }

    /** Completes once the LISTEN is first in place: from then on, others' commits are heard. */
    public CompletionStage<Void> whenListening() {
        return firstListening.minimalCompletionStage();
    }

    @Override
    public boolean delivering() {
        return listening;
    }

    @Override
    public void listen(Listener listener) {
        listeners.add(listener);
    }

    private void run() {
        boolean lost = false;
        while (running) {
            try (Connection connection = store.openDedicatedConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                if (lost) {
                    lost = false;
                    LOG.info("listening for new events again");
                }
                // Whatever was appended before the LISTEN went unheard: listeners read again, and only then is it delivering.
                listeners.forEach(Listener::mayHaveMissedSome);
                listening = true;
                firstListening.complete(null);
                PGConnection notifications = connection.unwrap(PGConnection.class);
                long lastHeard = System.nanoTime();
                while (running) {
                    PGNotification[] received = notifications.getNotifications(POLL_MILLIS);
                    if (received != null && received.length > 0) {
                        lastHeard = System.nanoTime();
                        for (PGNotification notification : received) {
                            dispatch(notification.getParameter());
                        }
                    } else if (System.nanoTime() - lastHeard > PING_EVERY_NANOS) {
                        statement.execute("SELECT 1");
                        lastHeard = System.nanoTime();
                    }
                }
            } catch (SQLException failure) {
                listening = false;
                if (running && !lost) {
                    LOG.warn("stopped listening for new events ({}); waiting polls time out until PostgreSQL is back",
                            failure.getMessage());
                }
                lost = true;
                pause();
            }
        }
    }

    /** Hands a payload, from PostgreSQL or from this node's own commit, to every listener. */
    private void dispatch(String payload) {
        if (payload.startsWith(GROWTH)) {
            dispatchGrowth(payload.substring(GROWTH.length()));
            return;
        }
        String[] parts = payload.split(" ", 2);
        if (parts.length != 2) {
            if (payload.equals(PRESENCE_WRITTEN)) {
                tellEach(EventSignals.Listener::presenceWritten);
            }
            return;
        }
        ProjectId project;
        Optional<AgentId> agent;
        try {
            project = new ProjectId(parts[0]);
            agent = parts[1].equals("*") ? Optional.empty() : Optional.of(AgentId.parse(parts[1]));
        } catch (IllegalArgumentException foreign) {
            LOG.debug("ignoring a notification that is not ours: {}", payload);
            return;
        }
        tellEach(listener -> listener.appended(project, agent));
    }

    /** A growth ({@link #GROWTH}) to every listener; one it cannot read is dropped, as its plain signal follows. */
    private void dispatchGrowth(String payload) {
        String[] parts = payload.split(" ", 3);
        Optional<EventSignals.FeedGrowth> growth = parts.length == 3 ? FeedGrowthText.parse(parts[2]) : Optional.empty();
        ProjectId project;
        AgentId agent;
        try {
            project = new ProjectId(parts[0]);
            agent = AgentId.parse(parts.length > 1 ? parts[1] : "");
        } catch (IllegalArgumentException foreign) {
            LOG.debug("ignoring a notification that is not ours: +{}", payload);
            return;
        }
        growth.ifPresentOrElse(grown -> tellEach(listener -> listener.grew(project, agent, grown)),
                () -> LOG.debug("ignoring a growth it cannot read: +{}", payload));
    }

    /**
     * Tells every listener; one that fails is logged and the others are still told, so neither the
     * LISTEN thread nor a committing request ends on a listener's failure.
     */
    private void tellEach(Consumer<Listener> signal) {
        for (Listener listener : listeners) {
            try {
                signal.accept(listener);
            } catch (RuntimeException failed) {
                LOG.error("a listener failed on a signal; waiting polls it missed time out as usual", failed);
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_PAUSE.toMillis());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
