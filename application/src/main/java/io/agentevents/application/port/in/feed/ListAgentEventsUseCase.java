package io.agentevents.application.port.in.feed;

import java.util.concurrent.CompletionStage;

/**
 * {@code GET /v2/{p}/agents/{a}/events}. When the agent itself asks, the read is also its
 * check-in.
 */
@FunctionalInterface
public interface ListAgentEventsUseCase {

    /**
     * @return the page; fails with {@link io.agentevents.application.port.in.AccessDeniedException}
     *         unless a user of the project or the agent itself asks, with
     *         {@link io.agentevents.application.port.in.AgentNotFoundException} if the agent is not
     *         registered in the project, or with the store's unavailability
     */
    CompletionStage<AgentEventsPage> list(ListAgentEventsQuery query);
}
