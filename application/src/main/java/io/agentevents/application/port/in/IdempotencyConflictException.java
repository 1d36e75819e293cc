package io.agentevents.application.port.in;

/** The Idempotency-Key was used before with another request, or that request is still being carried out. */
public final class IdempotencyConflictException extends UseCaseException {

    public IdempotencyConflictException(String message) {
        super(message);
    }
}
