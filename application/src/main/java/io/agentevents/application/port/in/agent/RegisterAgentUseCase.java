package io.agentevents.application.port.in.agent;

import io.agentevents.application.port.in.AccessDeniedException;

/** {@code POST /v2/{p}/agents}. */
@FunctionalInterface
public interface RegisterAgentUseCase {

    /** @throws AccessDeniedException unless an admin or creator of the project asks */
    AgentRegistration register(RegisterAgentCommand command);
}
