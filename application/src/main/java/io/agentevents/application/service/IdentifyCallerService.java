package io.agentevents.application.service;

import io.agentevents.application.port.in.NotAuthenticatedException;
import io.agentevents.application.port.in.access.IdentifyCallerUseCase;
import io.agentevents.application.port.in.access.Secret;
import io.agentevents.application.port.out.AgentTokens.AgentGrant;
import io.agentevents.application.port.out.AgentTokens;
import io.agentevents.application.port.out.TokenHash;
import io.agentevents.application.port.out.UserTokens;
import io.agentevents.domain.access.AgentCaller;
import io.agentevents.domain.access.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Tells who holds a token. Agent grants read from the store are remembered (by the token's hash,
 * never the token) until a signal of their agent's feed says something changed: an agent's
 * tokens are revoked only when it is deleted, which appends to its feed. Expiry is checked on
 * every use.
 */
public class IdentifyCallerService implements IdentifyCallerUseCase {

    /** Agent grants remembered at most; an agent fleet of this size re-reads its tokens once after a reset. */
    static final int MAX_REMEMBERED_GRANTS = 200_000;

    private final UserTokens userTokens;
    private final AgentTokens agentTokens;
    private final Clock clock;
    private final RememberedAnswers<TokenHash, AgentGrant> grants;

    public IdentifyCallerService(UserTokens userTokens, AgentTokens agentTokens, Clock clock) {
        this(userTokens, agentTokens, clock, FeedStamps.never());
    }

    public IdentifyCallerService(UserTokens userTokens, AgentTokens agentTokens, Clock clock, FeedStamps stamps) {
        this.userTokens = userTokens;
        this.agentTokens = agentTokens;
        this.clock = clock;
        this.grants = new RememberedAnswers<>(stamps, MAX_REMEMBERED_GRANTS);
    }

    @Override
    public Caller identify(Secret token) {
        TokenHash hash = SecretHashing.hashToken(token);
        Optional<? extends Caller> user = userTokens.find(hash);
        if (user.isPresent()) {
            return user.get();
        }
        long stamp = grants.stampBeforeReading();
        AgentGrant grant = agentTokens.find(hash).orElseThrow(() -> new NotAuthenticatedException("unknown token"));
        grants.remember(hash, grant, grant.project(), grant.agent(), stamp);
        return callerOf(grant);
    }

    /** User tokens are the deployment's, held in memory; agent grants only if remembered. */
    @Override
    public Optional<Caller> identifyIfKnown(Secret token) {
        TokenHash hash = SecretHashing.hashToken(token);
        Optional<? extends Caller> user = userTokens.find(hash);
        if (user.isPresent()) {
            return Optional.of(user.get());
        }
        return grants.recall(hash).map(this::callerOf);
    }

    private Caller callerOf(AgentGrant grant) {
        Instant now = clock.instant();
        if (!now.isBefore(grant.expiresAt())) {
            throw new NotAuthenticatedException("token expired; ask for a new one at POST /v2/{project_id}/agents/tokens");
        }
        return new AgentCaller(grant.project(), grant.agent());
    }
}
