package io.agentevents.application.port.in.feed;

import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.application.port.in.AgentNotFoundException;
import java.util.Optional;

/**
 * {@code GET /v2/{p}/agents/{a}/events}. When the agent itself asks, the read is also its
 * check-in.
 */
@FunctionalInterface
public interface ListAgentEventsUseCase {

    /**
     * @throws AccessDeniedException  unless a user of the project or the agent itself asks
     * @throws AgentNotFoundException if the agent is not registered in the project
     */
    AgentEventsPage list(ListAgentEventsQuery query);

    /**
     * {@link #list} from what this node holds in memory, without reading a store that may block:
     * empty when it would have to read. Most of an agent's polls find nothing new, and a node
     * that was told of every change of the agent's feed since it last read it can answer those
     * again from memory; a check-in is still recorded.
     */
    default Optional<AgentEventsPage> listIfKnown(ListAgentEventsQuery query) {
        return Optional.empty();
    }

    /**
     * Reads again for a poll that waits (a long-poll) after a signal that its feed may have
     * grown, knowing the empty page it is waiting on: no second check-in, and as little reading
     * as the store allows. The answer is what {@link #list} with {@link ListAgentEventsQuery#reread()}
     * would give.
     */
    default AgentEventsPage rereadWhileWaiting(ListAgentEventsQuery query, AgentEventsPage waitingOn) {
        return list(query.reread());
    }
}
