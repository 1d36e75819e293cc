package io.agentevents.application.port.in;

/** {@code POST /v2/{p}/events} with {@code agent_activate}. */
@FunctionalInterface
public interface ActivateAgentsUseCase {

    /** @throws AccessDeniedException unless an admin or creator of the project asks */
    void activate(ActivateAgentsCommand command);
}
