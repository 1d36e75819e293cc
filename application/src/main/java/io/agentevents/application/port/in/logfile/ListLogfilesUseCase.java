package io.agentevents.application.port.in.logfile;

import io.agentevents.application.port.in.agent.AgentQuery;
import io.agentevents.domain.request.Logfile;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /v2/{p}/agents/{a}/logfiles} (users, or the agent itself): the agent's log files,
 * oldest first. Fails with {@code AgentNotFoundException}, {@code AccessDeniedException}.
 */
@FunctionalInterface
public interface ListLogfilesUseCase {

    CompletionStage<List<Logfile>> list(AgentQuery query);
}
