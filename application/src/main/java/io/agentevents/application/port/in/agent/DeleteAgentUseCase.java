package io.agentevents.application.port.in.agent;

import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.application.port.in.AgentNotFoundException;
import java.util.concurrent.CompletionStage;

/** {@code DELETE /v2/{p}/agents/{a}}. */
@FunctionalInterface
public interface DeleteAgentUseCase {

    /**
     * @return completes once done; fails (never throws) with
     *         {@link AccessDeniedException} unless an admin of the project asks,
     *         {@link AgentNotFoundException} if the agent is not registered in the project
     */
    CompletionStage<Void> delete(DeleteAgentCommand command);
}
