package io.agentevents.application.port.in.idempotency;

import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Carries a request sent with an {@code Idempotency-Key} out at most once: the same key with the
 * same request, while the key is kept, gets the answer kept the first time; the same key with
 * another request is refused. A request that fails releases its key, so a retry carries it out.
 * What the answer is, the caller says: the core keeps it as the caller's text and never reads it.
 */
public interface RunOnceUseCase {

    /**
     * @param request carries the request out; called only when the key is new to the caller's
     *                scope (or its record expired)
     * @param kept    the answer to keep for a replay, as text the caller reads back; never a secret
     * @return completes with the request's own result, or with the answer kept the first time;
     *         fails (never throws) with {@link io.agentevents.application.port.in.IdempotencyConflictException}
     *         if the key was used with another request or its first request is still being
     *         carried out, or with the request's own failure
     */
    <T> CompletionStage<OnceOutcome<T>> runOnce(RunOnceCommand command, Supplier<CompletionStage<T>> request,
                                                Function<T, String> kept);
}
