package io.agentevents.application.service.access;

import io.agentevents.application.port.in.AccessDeniedException;
import io.agentevents.application.port.in.NotAuthenticatedException;
import io.agentevents.application.port.in.access.IdentifyCallerUseCase;
import io.agentevents.application.port.in.access.Secret;
import io.agentevents.application.port.out.access.AgentTokens.AgentGrant;
import io.agentevents.application.port.out.access.AgentTokens;
import io.agentevents.application.port.out.access.IdentityGrant;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.port.out.access.TokenHash;
import io.agentevents.application.port.out.access.UserTokens;
import io.agentevents.application.service.FeedStamps;
import io.agentevents.application.service.RememberedAnswers;
import io.agentevents.domain.access.AgentCaller;
import io.agentevents.domain.access.Caller;
import io.agentevents.domain.access.Role;
import io.agentevents.domain.access.UserCaller;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;

/**
 * Tells who holds a token, asking in turn: the deployment's user tokens, agent grants remembered
 * and the identity service's remembered verdicts (all in memory, so the answer is complete at
 * once), then the store's agent tokens, then the identity service. Agent grants read from the
 * store are remembered (by the token's hash, never the token) until a signal of their agent's
 * feed says something changed: an agent's tokens are revoked only when it is deleted, which
 * appends to its feed. Expiry is checked on every use. A poll by an agent never reaches the
 * identity service: its token is found among the agent tokens first.
 */
public class IdentifyCallerService implements IdentifyCallerUseCase {

    /** Agent grants remembered at most; an agent fleet of this size re-reads its tokens once after a reset. */
    static final int MAX_REMEMBERED_GRANTS = 200_000;
    static final String NO_ROLE = "the token grants no Cloud Backup role in its project; it needs one of "
            + "cloudBackup:admin, cloudBackup:creator, cloudBackup:observer, admin, observer or identity:user-admin";

    private final UserTokens userTokens;
    private final AgentTokens agentTokens;
    private final StoreCalls storeCalls;
    private final Clock clock;
    private final RememberedAnswers<TokenHash, AgentGrant> grants;
    private final Optional<RememberedIdentities> identities;
    private final LongAdder answeredFromMemory = new LongAdder();

    /** For a store that never blocks, without an identity service. */
    public IdentifyCallerService(UserTokens userTokens, AgentTokens agentTokens, Clock clock) {
        this(userTokens, agentTokens, StoreCalls.inline(), clock, FeedStamps.never(), Optional.empty());
    }

    public IdentifyCallerService(UserTokens userTokens, AgentTokens agentTokens, StoreCalls storeCalls, Clock clock,
                                 FeedStamps stamps, Optional<RememberedIdentities> identities) {
        this.userTokens = userTokens;
        this.agentTokens = agentTokens;
        this.storeCalls = storeCalls;
        this.clock = clock;
        this.grants = new RememberedAnswers<>(stamps, MAX_REMEMBERED_GRANTS);
        this.identities = identities;
    }

    @Override
    public CompletionStage<Caller> identify(Secret token) {
        TokenHash hash = SecretHashing.hashToken(token);
        try {
            Optional<Caller> known = fromMemory(hash, token);
            if (known.isPresent()) {
                return CompletableFuture.completedFuture(known.get());
            }
        } catch (RuntimeException refused) {
            return CompletableFuture.failedFuture(refused);
        }
        long stamp = grants.stampBeforeReading();
        return storeCalls.supply(() -> agentTokens.find(hash)).thenCompose(grant -> {
            if (grant.isPresent()) {
                grants.remember(hash, grant.get(), grant.get().project(), grant.get().agent(), stamp);
                return CompletableFuture.completedFuture(callerOf(grant.get()));
            }
            return identities.map(remembered -> remembered.validate(hash, token.value()).thenApply(this::callerOf))
                    .orElseGet(() -> CompletableFuture.failedFuture(new NotAuthenticatedException("unknown token")));
        });
    }

    private Optional<Caller> fromMemory(TokenHash hash, Secret token) {
        Optional<UserCaller> user = userTokens.find(hash);
        if (user.isPresent()) {
            return Optional.of(user.get());
        }
        Optional<AgentGrant> grant = grants.recall(hash);
        if (grant.isPresent()) {
            answeredFromMemory.increment();
            return Optional.of(callerOf(grant.get()));
        }
        return identities.flatMap(remembered -> remembered.recall(hash, token.value())).map(this::callerOf);
    }

    /** Agents' tokens known from a remembered grant, without the store. */
    public long answeredFromMemory() {
        return answeredFromMemory.sum();
    }

    private Caller callerOf(AgentGrant grant) {
        if (!clock.instant().isBefore(grant.expiresAt())) {
            throw new NotAuthenticatedException("token expired; ask for a new one at POST /v2/{project_id}/agents/tokens");
        }
        return new AgentCaller(grant.project(), grant.agent());
    }

    private Caller callerOf(Optional<IdentityGrant> verdict) {
        IdentityGrant grant = verdict.orElseThrow(() -> new NotAuthenticatedException("unknown token"));
        Instant now = clock.instant();
        if (!now.isBefore(grant.expiresAt())) {
            throw new NotAuthenticatedException("token expired; sign in to the identity service again");
        }
        var project = grant.project().orElseThrow(() -> new AccessDeniedException(
                "the token is scoped to no project; ask the identity service for a token of the project"));
        Role role = Role.widestOf(grant.roleNames()).orElseThrow(() -> new AccessDeniedException(NO_ROLE));
        return new UserCaller(project, role);
    }
}
