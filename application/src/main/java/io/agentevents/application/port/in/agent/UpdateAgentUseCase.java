package io.agentevents.application.port.in.agent;

import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.application.port.in.AgentNotFoundException;
import java.util.concurrent.CompletionStage;

/**
 * {@code PATCH /v2/{p}/agents/{a}}. A change puts a {@code configuration_changed} event in the
 * agent's feed; disabling the agent also revokes its tokens.
 */
@FunctionalInterface
public interface UpdateAgentUseCase {

    /**
     * @return completes once done; fails (never throws) with
     *         {@link AccessDeniedException} unless an admin or creator of the project asks,
     *         {@link AgentNotFoundException} if the agent is not registered in the project
     */
    CompletionStage<Void> update(UpdateAgentCommand command);
}
