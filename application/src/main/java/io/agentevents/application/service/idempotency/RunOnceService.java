package io.agentevents.application.service.idempotency;

import io.agentevents.application.port.in.IdempotencyConflictException;
import io.agentevents.application.port.in.idempotency.OnceOutcome;
import io.agentevents.application.port.in.idempotency.RunOnceCommand;
import io.agentevents.application.port.in.idempotency.RunOnceUseCase;
import io.agentevents.application.port.out.IdempotencyRecords;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.domain.access.AgentCaller;
import io.agentevents.domain.access.Caller;
import io.agentevents.domain.access.UserCaller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Claims the key, carries the request out, then keeps its answer or releases the key: the
 * three steps of an idempotent request, in one place.
 */
public class RunOnceService implements RunOnceUseCase {

    /** How long a key is remembered. */
    public static final Duration KEY_LIFETIME = Duration.ofHours(24);

    private final IdempotencyRecords records;
    private final Clock clock;
    private final StoreCalls calls;

    public RunOnceService(IdempotencyRecords records, Clock clock, StoreCalls calls) {
        this.calls = calls;
        this.records = records;
        this.clock = clock;
    }

    @Override
    public <T> CompletionStage<OnceOutcome<T>> runOnce(RunOnceCommand command, Supplier<CompletionStage<T>> request,
                                                       Function<T, String> kept) {
        String scopedKey = scopeOf(command.caller()) + " " + command.key();
        return calls.supply(() -> claim(scopedKey, command.requestFingerprint())).thenCompose(replay -> {
            if (replay.isPresent()) {
                return CompletableFuture.completedFuture(new OnceOutcome.Replayed<T>(replay.get()));
            }
            return carryOut(scopedKey, request, kept);
        });
    }

    /** @return the answer to replay; empty if the key is now claimed for this request */
    private Optional<String> claim(String scopedKey, String fingerprint) {
        Instant now = clock.instant();
        Optional<IdempotencyRecords.Entry> holder = records.claim(scopedKey, fingerprint, now, now.plus(KEY_LIFETIME));
        if (holder.isEmpty()) {
            return Optional.empty();
        }
        IdempotencyRecords.Entry entry = holder.get();
        if (!entry.requestFingerprint().equals(fingerprint)) {
            throw new IdempotencyConflictException("Idempotency-Key was already used with another request");
        }
        return Optional.of(entry.answer().orElseThrow(() -> new IdempotencyConflictException(
                "a request with this Idempotency-Key is still being carried out; retry later")));
    }

    /**
     * Runs the request; its answer is kept, or on its failure the key is released. Whether that
     * write succeeds does not change the answer: the request was carried out (or failed) either way.
     */
    private <T> CompletionStage<OnceOutcome<T>> carryOut(String scopedKey, Supplier<CompletionStage<T>> request,
                                                         Function<T, String> kept) {
        CompletionStage<T> carried;
        try {
            carried = request.get();
        } catch (RuntimeException failure) {
            carried = CompletableFuture.failedFuture(failure);
        }
        return carried.handle(Attempt<T>::new).thenCompose(attempt -> attempt.failure() == null
                ? keep(scopedKey, attempt.result(), kept)
                : release(scopedKey, attempt.failure()));
    }

    /** The request's result, or how it failed. */
    private record Attempt<T>(T result, Throwable failure) {
    }

    private <T> CompletionStage<OnceOutcome<T>> keep(String scopedKey, T result, Function<T, String> kept) {
        String answer = kept.apply(result);
        return calls.supply(() -> {
            records.complete(scopedKey, answer);
            return null;
        }).handle((ignored, keepFailure) -> new OnceOutcome.CarriedOut<>(result));
    }

    private <T> CompletionStage<OnceOutcome<T>> release(String scopedKey, Throwable failure) {
        return calls.supply(() -> {
            records.release(scopedKey);
            return null;
        }).handle((ignored, releaseFailure) -> {
            throw failure instanceof CompletionException wrapped ? wrapped : new CompletionException(failure);
        });
    }

    /** Keys are per project for users, and per agent for agents, so tenants never collide. */
    private static String scopeOf(Caller caller) {
        if (caller instanceof AgentCaller agent) {
            return agent.project() + "/agent/" + agent.agent();
        }
        return ((UserCaller) caller).project() + "/users";
    }
}
