package io.agentevents.application.port.in.agent;

import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.application.port.in.AgentNotFoundException;
import io.agentevents.domain.agent.RegisteredAgent;
import java.util.concurrent.CompletionStage;

/** {@code GET /v2/{p}/agents/{a}}. */
@FunctionalInterface
public interface GetAgentUseCase {

    /**
     * @return completes with the answer; fails (never throws) with
     *         {@link AccessDeniedException} unless a user of the project asks,
     *         {@link AgentNotFoundException} if the agent is not registered in the project
     */
    CompletionStage<RegisteredAgent> get(AgentQuery query);
}
