package io.agentevents.application.port.in.agent;

import io.agentevents.application.port.in.AccessDeniedException;
import java.util.concurrent.CompletionStage;

/** {@code POST /v2/{p}/agents}. */
@FunctionalInterface
public interface RegisterAgentUseCase {

    /** @throws AccessDeniedException unless an admin or creator of the project asks */
    /** @return completes with the answer, or fails with what went wrong */
    CompletionStage<AgentRegistration> register(RegisterAgentCommand command);
}
