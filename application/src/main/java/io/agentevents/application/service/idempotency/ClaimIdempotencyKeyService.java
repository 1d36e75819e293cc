package io.agentevents.application.service.idempotency;

import io.agentevents.application.port.in.IdempotencyConflictException;
import io.agentevents.application.port.in.idempotency.ClaimIdempotencyKeyCommand;
import io.agentevents.application.port.in.idempotency.ClaimIdempotencyKeyUseCase;
import io.agentevents.application.port.in.idempotency.IdempotencyClaim;
import io.agentevents.application.port.in.idempotency.IdempotentAnswer;
import io.agentevents.application.port.out.IdempotencyRecords;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.domain.access.AgentCaller;
import io.agentevents.domain.access.Caller;
import io.agentevents.domain.access.UserCaller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

public class ClaimIdempotencyKeyService implements ClaimIdempotencyKeyUseCase {

    /** How long a key is remembered. */
    public static final Duration KEY_LIFETIME = Duration.ofHours(24);

    private final IdempotencyRecords records;
    private final Clock clock;
    private final StoreCalls calls;

    public ClaimIdempotencyKeyService(IdempotencyRecords records, Clock clock, StoreCalls calls) {
        this.calls = calls;
        this.records = records;
        this.clock = clock;
    }

    @Override
    public CompletionStage<IdempotencyClaim> claim(ClaimIdempotencyKeyCommand command) {
        return calls.supply(() -> claimNow(command));
    }

    private IdempotencyClaim claimNow(ClaimIdempotencyKeyCommand command) {
        String scopedKey = scopeOf(command.caller()) + " " + command.key();
        Instant now = clock.instant();
        Optional<IdempotencyRecords.Entry> holder =
                records.claim(scopedKey, command.requestFingerprint(), now, now.plus(KEY_LIFETIME));
        if (holder.isEmpty()) {
            return new IdempotencyClaim.Claimed(scopedKey);
        }
        IdempotencyRecords.Entry entry = holder.get();
        if (!entry.requestFingerprint().equals(command.requestFingerprint())) {
            throw new IdempotencyConflictException("Idempotency-Key was already used with another request");
        }
        IdempotencyRecords.Answer answer = entry.answer().orElseThrow(() -> new IdempotencyConflictException(
                "a request with this Idempotency-Key is still being carried out; retry later"));
        return new IdempotencyClaim.Replay(new IdempotentAnswer(answer.status(), answer.location(), answer.body()));
    }

    /** Keys are per project for users, and per agent for agents, so tenants never collide. */
    private static String scopeOf(Caller caller) {
        if (caller instanceof AgentCaller agent) {
            return agent.project() + "/agent/" + agent.agent();
        }
        return ((UserCaller) caller).project() + "/users";
    }
}
