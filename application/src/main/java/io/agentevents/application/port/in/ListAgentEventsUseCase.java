package io.agentevents.application.port.in;

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
     * Reads again for a poll that waits (a long-poll) after a signal that its feed may have
     * grown, knowing the empty page it is waiting on: no second check-in, and as little reading
     * as the store allows. The answer is what {@link #list} with {@link ListAgentEventsQuery#reread()}
     * would give.
     */
    default AgentEventsPage rereadWhileWaiting(ListAgentEventsQuery query, AgentEventsPage waitingOn) {
        return list(query.reread());
    }
}
