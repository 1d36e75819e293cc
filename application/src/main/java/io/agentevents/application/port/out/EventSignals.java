package io.agentevents.application.port.out;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import java.util.Optional;

/**
 * Tells this node that events were appended to a project's log, by this node or, with a shared
 * store, by any node. Signals may be late or come twice; they are hints to read again, never data.
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

        /** Signals may have been lost (the store was unreachable): every watcher should read again. */
        void mayHaveMissedSome();
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
