package io.agentevents.application.port.in;

import io.agentevents.domain.activation.Schedules;

/** {@code GET /v2/{p}/agents/{a}/configuration}: the schedules the agent must follow. */
@FunctionalInterface
public interface GetAgentConfigurationUseCase {

    /**
     * @throws AccessDeniedException  unless a user of the project or the agent itself asks
     * @throws AgentNotFoundException if the agent is not registered in the project
     */
    Schedules configuration(AgentQuery query);
}
