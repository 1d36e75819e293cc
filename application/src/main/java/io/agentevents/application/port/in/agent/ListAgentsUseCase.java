package io.agentevents.application.port.in.agent;

import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.application.port.in.MarkerNotFoundException;
import java.util.concurrent.CompletionStage;

/** {@code GET /v2/{p}/agents}: the fleet view. */
@FunctionalInterface
public interface ListAgentsUseCase {

    /**
     * @return completes with the page of matching agents, oldest registration first, each with its
     *         status as this node knows it; fails (never throws) with {@link AccessDeniedException}
     *         unless a user of the project asks, {@link MarkerNotFoundException} if the marker names
     *         no agent of the project
     */
    CompletionStage<AgentList> list(ListAgentsQuery query);
}
