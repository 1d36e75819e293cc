package io.agentevents.application.port.in.logfile;

import java.util.concurrent.CompletionStage;

/**
 * {@code DELETE /v2/{p}/agents/{a}/logfiles/{id}} (admin). Fails with
 * {@code RequestNotFoundException}, {@code AgentNotFoundException}, {@code AccessDeniedException}.
 */
@FunctionalInterface
public interface DeleteLogfileUseCase {

    CompletionStage<Void> delete(LogfileQuery query);
}
