package io.agentevents.application.port.in.operations;

/** Housekeeping: drops events past their retention and expired tokens and idempotency keys. */
@FunctionalInterface
public interface PurgeExpiredUseCase {

    /** What one purge dropped. */
    record PurgeReport(long events, long agentTokens, long idempotencyKeys) {
    }

    PurgeReport purge();
}
