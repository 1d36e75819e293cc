package io.agentevents.application.port.out;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.event.StoredEvent;
import java.util.List;
import java.util.Optional;

/**
 * Tells this node that events were appended to a project's log, by this node or, with a shared
 * store, by any node. Signals may be late or come twice; they are hints to read again. A store
 * may also say what grew, with the proof that nothing else did ({@link FeedGrowth}), so a reader
 * can answer without reading.
 */
public interface EventSignals {

    /** Receives the signals; called from the store's threads, so it must return quickly. */
    interface Listener {

        /**
         * Events were appended to the project's log.
         *
         * @param agent the agent they concern; empty when they concern every agent (a project activation)
         */
        void appended(ProjectId project, Optional<AgentId> agent);

        /**
         * One commit appended {@code growth} to the agent's feed. Its {@link #appended} signal
         * for the agent follows, so a listener that cannot use the growth may ignore it.
         */
        default void grew(ProjectId project, AgentId agent, FeedGrowth growth) {
        }

        /**
         * A node wrote check-ins and heartbeats (a presence flush, which signals no feed): stored
         * sessions' last check-ins and busy flags may have moved. A store that never says so leaves
         * nothing remembered of sessions to go stale; this node hears of its own writes at commit.
         */
        default void presenceWritten() {
        }

        /** Signals may have been lost (the store was unreachable): every watcher should read again. */
        void mayHaveMissedSome();
    }

    /**
     * What one commit appended to an agent's feed (its own events and the project's activations,
     * without heartbeats), oldest first, and the id of the feed's last event before them, 0 if
     * none: whoever has seen the feed up to at least that id has missed nothing before these.
     */
    record FeedGrowth(long lastBefore, List<StoredEvent> events) {

        public FeedGrowth {
            events = List.copyOf(events);
        }
    }

    /** Adds a listener; every listener receives every signal. */
    void listen(Listener listener);

    /**
     * Whether a signal is on its way for every append committed from now on, by this node or
     * any other. While it is false (a database listener reconnecting), what a node remembers of
     * a feed may be out of date without a signal saying so.
     */
    default boolean delivering() {
        return true;
    }
}
