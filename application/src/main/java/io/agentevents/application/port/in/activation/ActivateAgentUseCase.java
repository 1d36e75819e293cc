package io.agentevents.application.port.in.activation;

import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.application.port.in.AgentNotFoundException;
import java.util.concurrent.CompletionStage;

/** {@code POST /v2/{p}/agents/{a}/events} with {@code agent_activate}. */
@FunctionalInterface
public interface ActivateAgentUseCase {

    /**
     * @return completes once done; fails (never throws) with
     *         {@link AccessDeniedException} unless an admin or creator of the project asks,
     *         {@link AgentNotFoundException} if the agent is not registered in the project
     */
    CompletionStage<Void> activate(ActivateAgentCommand command);
}
