package io.agentevents.application.port.in.activation;

import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.application.port.in.AgentNotFoundException;

/** {@code POST /v2/{p}/agents/{a}/events} with {@code agent_activate}. */
@FunctionalInterface
public interface ActivateAgentUseCase {

    /**
     * @throws AccessDeniedException  unless an admin or creator of the project asks
     * @throws AgentNotFoundException if the agent is not registered in the project
     */
    void activate(ActivateAgentCommand command);
}
