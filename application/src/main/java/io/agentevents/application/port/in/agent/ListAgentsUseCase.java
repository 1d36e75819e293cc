package io.agentevents.application.port.in.agent;

import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.domain.agent.RegisteredAgent;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** {@code GET /v2/{p}/agents}. */
@FunctionalInterface
public interface ListAgentsUseCase {

    /**
     * @return the agents, oldest registration first
     *
     * @return completes with the answer; fails (never throws) with
     *         {@link AccessDeniedException} unless a user of the project asks
     */
    CompletionStage<List<RegisteredAgent>> list(ListAgentsQuery query);
}
