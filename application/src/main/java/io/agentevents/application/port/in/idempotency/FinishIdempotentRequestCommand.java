package io.agentevents.application.port.in.idempotency;

import java.util.Objects;
import java.util.Optional;

/**
 * Ends a claim: with the answer to keep, or empty when the request failed and a retry should
 * carry it out afresh.
 */
public record FinishIdempotentRequestCommand(IdempotencyClaim.Claimed claim, Optional<IdempotentAnswer> answer) {

    public FinishIdempotentRequestCommand {
        Objects.requireNonNull(claim, "claim must not be null");
        Objects.requireNonNull(answer, "answer must not be null");
    }
}
