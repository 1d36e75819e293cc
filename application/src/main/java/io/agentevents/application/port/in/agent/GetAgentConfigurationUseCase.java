package io.agentevents.application.port.in.agent;

import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.application.port.in.AgentNotFoundException;
import java.util.concurrent.CompletionStage;

/** {@code GET /v2/{p}/agents/{a}/configuration}: the agent's settings and the schedules it must follow. */
@FunctionalInterface
public interface GetAgentConfigurationUseCase {

    /**
     * @return completes with the answer; fails (never throws) with
     *         {@link AccessDeniedException} unless a user of the project or the agent itself asks,
     *         {@link AgentNotFoundException} if the agent is not registered in the project
     */
    CompletionStage<AgentConfiguration> configuration(AgentQuery query);
}
