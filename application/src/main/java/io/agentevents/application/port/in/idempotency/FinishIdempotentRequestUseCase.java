package io.agentevents.application.port.in.idempotency;

/** The second half of an idempotent POST: keep its answer, or release the key. */
@FunctionalInterface
public interface FinishIdempotentRequestUseCase {

    void finish(FinishIdempotentRequestCommand command);
}
