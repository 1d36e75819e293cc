package io.agentevents.application.port.in.idempotency;

import io.agentevents.application.port.in.IdempotencyConflictException;

/** The first half of an idempotent POST: claim the key, or get the answer to replay. */
@FunctionalInterface
public interface ClaimIdempotencyKeyUseCase {

    /**
     * @throws IdempotencyConflictException if the key was used with another request, or the
     *                                      request that claimed it is still being carried out
     */
    IdempotencyClaim claim(ClaimIdempotencyKeyCommand command);
}
