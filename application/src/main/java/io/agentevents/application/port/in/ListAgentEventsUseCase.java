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
}
