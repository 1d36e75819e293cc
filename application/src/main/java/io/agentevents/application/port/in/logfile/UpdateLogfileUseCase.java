package io.agentevents.application.port.in.logfile;

import java.util.concurrent.CompletionStage;

/**
 * {@code PATCH /v2/{p}/agents/{a}/logfiles/{id}} by the agent itself: moves the log file forward
 * to started or completed, each step a {@code logfile_started} or {@code logfile_completed} event
 * in the agent's feed. Fails with {@code AnswerRefusedException} for a step that is not forward,
 * {@code RequestNotFoundException}, {@code AccessDeniedException}.
 */
@FunctionalInterface
public interface UpdateLogfileUseCase {

    CompletionStage<Void> update(UpdateLogfileCommand command);
}
