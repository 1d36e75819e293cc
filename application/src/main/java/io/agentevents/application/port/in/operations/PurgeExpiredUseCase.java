package io.agentevents.application.port.in.operations;

import java.util.concurrent.CompletionStage;

/**
 * Housekeeping: drops events past their retention, expired tokens and idempotency keys, and
 * requests made of agents a while after they expired.
 */
@FunctionalInterface
public interface PurgeExpiredUseCase {

    /** What one purge dropped. */
    record PurgeReport(long events, long agentTokens, long idempotencyKeys, long agentRequests) {
    }

    /** @return completes with the answer, or fails with what went wrong */
    CompletionStage<PurgeReport> purge();
}
