package io.agentevents.application.port.in.feed;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;

/**
 * Lets a waiting poll know when the agent's feed may have grown: after an event about the agent
 * or an activation of its whole project, or when signals may have been lost. It only wakes the
 * caller, who reads the feed again through {@link ListAgentEventsUseCase} with its access checks.
 */
@FunctionalInterface
public interface WatchAgentEventsUseCase {

    /** A registered watch; closing it is idempotent and stops the callbacks. */
    interface Watch extends AutoCloseable {

        @Override
        void close();
    }

    /**
     * @param onChange called (from a store thread; it must return quickly) each time the feed may
     *                 have grown, until the watch is closed
     */
    Watch watch(ProjectId project, AgentId agent, Runnable onChange);
}
