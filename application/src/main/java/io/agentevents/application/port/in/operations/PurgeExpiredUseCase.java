package io.agentevents.application.port.in.operations;

import java.util.concurrent.CompletionStage;

/** Housekeeping: drops events past their retention and expired tokens and idempotency keys. */
@FunctionalInterface
public interface PurgeExpiredUseCase {

    /** What one purge dropped. */
    record PurgeReport(long events, long agentTokens, long idempotencyKeys) {
    }

    /** @return completes with the answer, or fails with what went wrong */
    CompletionStage<PurgeReport> purge();
}
