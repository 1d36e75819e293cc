package io.agentevents.application.port.in.agent;

import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.application.port.in.AgentNotFoundException;

/** {@code GET /v2/{p}/agents/{a}/configuration}: the agent's settings and the schedules it must follow. */
@FunctionalInterface
public interface GetAgentConfigurationUseCase {

    /**
     * @throws AccessDeniedException  unless a user of the project or the agent itself asks
     * @throws AgentNotFoundException if the agent is not registered in the project
     */
    AgentConfiguration configuration(AgentQuery query);
}
