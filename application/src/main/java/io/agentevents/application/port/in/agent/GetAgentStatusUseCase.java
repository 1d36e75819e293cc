package io.agentevents.application.port.in.agent;

import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.application.port.in.AgentNotFoundException;
import io.agentevents.domain.session.AgentStatus;

/** {@code GET /v2/{p}/agents/{a}/status}. */
@FunctionalInterface
public interface GetAgentStatusUseCase {

    /**
     * @throws AccessDeniedException  unless a user of the project asks
     * @throws AgentNotFoundException if the agent is not registered in the project
     */
    AgentStatus status(AgentQuery query);
}
