package io.agentevents.application.port.in.agent;

import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.domain.agent.RegisteredAgent;
import java.util.List;

/** {@code GET /v2/{p}/agents}. */
@FunctionalInterface
public interface ListAgentsUseCase {

    /**
     * @return the agents, oldest registration first
     * @throws AccessDeniedException unless a user of the project asks
     */
    List<RegisteredAgent> list(ListAgentsQuery query);
}
