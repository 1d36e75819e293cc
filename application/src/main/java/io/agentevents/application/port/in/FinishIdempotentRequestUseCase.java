package io.agentevents.application.port.in;

/** The second half of an idempotent POST: keep its answer, or release the key. */
@FunctionalInterface
public interface FinishIdempotentRequestUseCase {

    void finish(FinishIdempotentRequestCommand command);
}
