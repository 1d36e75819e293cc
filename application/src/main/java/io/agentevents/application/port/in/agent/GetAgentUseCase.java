package io.agentevents.application.port.in.agent;

import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.application.port.in.AgentNotFoundException;
import io.agentevents.domain.agent.RegisteredAgent;

/** {@code GET /v2/{p}/agents/{a}}. */
@FunctionalInterface
public interface GetAgentUseCase {

    /**
     * @throws AccessDeniedException  unless a user of the project asks
     * @throws AgentNotFoundException if the agent is not registered in the project
     */
    RegisteredAgent get(AgentQuery query);
}
