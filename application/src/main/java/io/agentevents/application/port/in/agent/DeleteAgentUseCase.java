package io.agentevents.application.port.in.agent;

import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.application.port.in.AgentNotFoundException;

/** {@code DELETE /v2/{p}/agents/{a}}. */
@FunctionalInterface
public interface DeleteAgentUseCase {

    /**
     * @throws AccessDeniedException  unless an admin of the project asks
     * @throws AgentNotFoundException if the agent is not registered in the project
     */
    void delete(DeleteAgentCommand command);
}
