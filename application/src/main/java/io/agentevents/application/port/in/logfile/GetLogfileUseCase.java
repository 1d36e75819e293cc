package io.agentevents.application.port.in.logfile;

import io.agentevents.domain.request.Logfile;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /v2/{p}/agents/{a}/logfiles/{id}} (users, or the agent itself). Fails with
 * {@code RequestNotFoundException}, {@code AgentNotFoundException}, {@code AccessDeniedException}.
 */
@FunctionalInterface
public interface GetLogfileUseCase {

    CompletionStage<Logfile> get(LogfileQuery query);
}
