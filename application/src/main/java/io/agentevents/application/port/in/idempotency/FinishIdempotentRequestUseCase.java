package io.agentevents.application.port.in.idempotency;

import java.util.concurrent.CompletionStage;

/** The second half of an idempotent POST: keep its answer, or release the key. */
@FunctionalInterface
public interface FinishIdempotentRequestUseCase {

    /** @return completes once done, or fails with what went wrong */
    CompletionStage<Void> finish(FinishIdempotentRequestCommand command);
}
