package io.agentevents.application.service;

import io.agentevents.application.port.out.IdentityGrant;
import io.agentevents.application.port.out.IdentityService;
import io.agentevents.application.port.out.TokenHash;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the identity service said of user tokens, remembered by the token's hash (never the
 * token): a token it vouched for until the sooner of its expiry and {@code ttl}, so a revoked one
 * is refused at most {@code ttl} later; one it did not know for {@link #REFUSAL_TTL}, so a client
 * retrying a bad token does not reach it on every request. Concurrent validations of one token
 * share one call. Bounded: past its size it forgets what ran out, or else everything.
 */
public final class RememberedIdentities {

    /** How long a token the identity service did not know is refused without asking again. */
    static final Duration REFUSAL_TTL = Duration.ofSeconds(10);
    static final int MAX_REMEMBERED = 100_000;

    private record Verdict(Optional<IdentityGrant> grant, Instant until) {
    }

    private final IdentityService identity;
    private final Duration ttl;
    private final Clock clock;
    private final IdentityCounters counters = new IdentityCounters();
    private final Map<TokenHash, Verdict> verdicts = new ConcurrentHashMap<>();
    private final Map<TokenHash, CompletableFuture<Optional<IdentityGrant>>> validating = new ConcurrentHashMap<>();

    public RememberedIdentities(IdentityService identity, Duration ttl, Clock clock) {
        this.identity = Objects.requireNonNull(identity, "identity must not be null");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        this.ttl = ttl;
        this.clock = clock;
    }

    /** How validations went, for the metrics. */
    public IdentityCounters counters() {
        return counters;
    }

    /** Whether the identity service answers now, for readiness. */
    CompletionStage<Boolean> reachable() {
        return identity.reachable();
    }

    /** @return the remembered verdict (a grant, or empty for an unknown token); empty if there is none */
    Optional<Optional<IdentityGrant>> recall(TokenHash hash) {
        Verdict verdict = verdicts.get(hash);
        if (verdict == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(verdict.until())) {
            verdicts.remove(hash, verdict);
            return Optional.empty();
        }
        counters.remembered();
        return Optional.of(verdict.grant());
    }

    /** Asks the identity service, unless a validation of the same token is already on its way. */
    CompletionStage<Optional<IdentityGrant>> validate(TokenHash hash, String userToken) {
        CompletableFuture<Optional<IdentityGrant>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<IdentityGrant>> running = validating.putIfAbsent(hash, mine);
        if (running != null) {
            counters.joined();
            return running;
        }
        Optional<Optional<IdentityGrant>> answeredMeanwhile = recall(hash);
        if (answeredMeanwhile.isPresent()) {
            validating.remove(hash, mine);
            mine.complete(answeredMeanwhile.get());
            return mine;
        }
        CompletionStage<Optional<IdentityGrant>> call;
        try {
            call = identity.validate(userToken);
        } catch (RuntimeException failed) {
            call = CompletableFuture.failedFuture(failed);
        }
        call.whenComplete((grant, failure) -> {
            if (failure == null) {
                counters.validated(grant.isPresent());
                remember(hash, grant);
            } else {
                counters.unavailable();
            }
            // Remembered before the call is let go of, so no request falls between the two and asks again.
            validating.remove(hash, mine);
            if (failure == null) {
                mine.complete(grant);
            } else {
                mine.completeExceptionally(failure);
            }
        });
        return mine;
    }

    private void remember(TokenHash hash, Optional<IdentityGrant> grant) {
        Instant now = clock.instant();
        Instant until = grant.map(granted -> earlier(granted.expiresAt(), now.plus(ttl))).orElse(now.plus(REFUSAL_TTL));
        if (!now.isBefore(until)) {
            return;
        }
        if (verdicts.size() >= MAX_REMEMBERED) {
            verdicts.values().removeIf(verdict -> !now.isBefore(verdict.until()));
            if (verdicts.size() >= MAX_REMEMBERED) {
                verdicts.clear();
            }
        }
        verdicts.put(hash, new Verdict(grant, until));
    }

    private static Instant earlier(Instant first, Instant second) {
        return first.isBefore(second) ? first : second;
    }

    int size() {
        return verdicts.size();
    }
}
