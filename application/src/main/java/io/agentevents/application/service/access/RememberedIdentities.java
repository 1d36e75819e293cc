package io.agentevents.application.service.access;

import io.agentevents.application.port.out.access.IdentityGrant;
import io.agentevents.application.port.out.access.IdentityService;
import io.agentevents.application.port.out.access.TokenHash;
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
 * share one call. A token in use is validated again a little before its verdict runs out, while
 * the verdict still answers, so its requests never wait for the identity service. Bounded: past
 * its size it forgets what ran out, or else everything.
 */
public final class RememberedIdentities {

    /** How long a token the identity service did not know is refused without asking again. */
    public static final Duration REFUSAL_TTL = Duration.ofSeconds(10);
    static final int MAX_REMEMBERED = 100_000;

    /** How long before a vouched-for verdict runs out a request of its token has it validated again. */
    public static final Duration REFRESH_AHEAD = Duration.ofSeconds(10);

    private record Verdict(Optional<IdentityGrant> grant, Instant until, Instant refreshAt) {
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
    public CompletionStage<Boolean> reachable() {
        return identity.reachable();
    }

    /**
     * The remembered verdict: a grant, or empty for an unknown token. One close to running out
     * is validated again meanwhile (the token is needed for that, and kept no longer).
     *
     * @return empty if there is none
     */
    Optional<Optional<IdentityGrant>> recall(TokenHash hash, String userToken) {
        Optional<Verdict> verdict = current(hash);
        verdict.filter(known -> known.grant().isPresent() && !clock.instant().isBefore(known.refreshAt())
                        && !validating.containsKey(hash))
                .ifPresent(aboutToRunOut -> ask(hash, userToken, false));
        verdict.ifPresent(known -> counters.remembered());
        return verdict.map(Verdict::grant);
    }

    /** Asks the identity service, unless a validation of the same token is already on its way. */
    CompletionStage<Optional<IdentityGrant>> validate(TokenHash hash, String userToken) {
        return ask(hash, userToken, true);
    }

    private Optional<Verdict> current(TokenHash hash) {
        Verdict verdict = verdicts.get(hash);
        if (verdict != null && !clock.instant().isBefore(verdict.until())) {
            verdicts.remove(hash, verdict);
            return Optional.empty();
        }
        return Optional.ofNullable(verdict);
    }

    private CompletionStage<Optional<IdentityGrant>> ask(TokenHash hash, String userToken, boolean unlessRemembered) {
        CompletableFuture<Optional<IdentityGrant>> mine = new CompletableFuture<>();
        CompletableFuture<Optional<IdentityGrant>> running = validating.putIfAbsent(hash, mine);
        if (running != null) {
            counters.joined();
            return running;
        }
        Optional<Verdict> answeredMeanwhile = unlessRemembered ? current(hash) : Optional.empty();
        if (answeredMeanwhile.isPresent()) {
            validating.remove(hash, mine);
            mine.complete(answeredMeanwhile.get().grant());
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
        // Asking again helps only a verdict the TTL cuts short, not one that ends with its token.
        boolean cutByTtl = grant.isPresent() && until.isBefore(grant.get().expiresAt());
        Duration ahead = !cutByTtl ? Duration.ZERO
                : ttl.dividedBy(2).compareTo(REFRESH_AHEAD) < 0 ? ttl.dividedBy(2) : REFRESH_AHEAD;
        if (verdicts.size() >= MAX_REMEMBERED) {
            verdicts.values().removeIf(verdict -> !now.isBefore(verdict.until()));
            if (verdicts.size() >= MAX_REMEMBERED) {
                verdicts.clear();
            }
        }
        verdicts.put(hash, new Verdict(grant, until, until.minus(ahead)));
    }

    private static Instant earlier(Instant first, Instant second) {
        return first.isBefore(second) ? first : second;
    }

    int size() {
        return verdicts.size();
    }
}
