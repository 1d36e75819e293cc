package io.agentevents.application.port.in.idempotency;

import io.agentevents.application.port.in.IdempotencyConflictException;
import java.util.concurrent.CompletionStage;

/** The first half of an idempotent POST: claim the key, or get the answer to replay. */
@FunctionalInterface
public interface ClaimIdempotencyKeyUseCase {

    /**
     * @return completes with the answer; fails (never throws) with
     *         {@link IdempotencyConflictException} if the key was used with another request, or the request that claimed it is still being carried out
     */
    CompletionStage<IdempotencyClaim> claim(ClaimIdempotencyKeyCommand command);
}
