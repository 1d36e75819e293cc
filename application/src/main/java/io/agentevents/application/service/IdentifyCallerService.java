package io.agentevents.application.service;

import io.agentevents.application.port.in.IdentifyCallerUseCase;
import io.agentevents.application.port.in.NotAuthenticatedException;
import io.agentevents.application.port.in.Secret;
import io.agentevents.application.port.out.AgentTokens;
import io.agentevents.application.port.out.TokenHash;
import io.agentevents.application.port.out.UserTokens;
import io.agentevents.domain.access.AgentCaller;
import io.agentevents.domain.access.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

public class IdentifyCallerService implements IdentifyCallerUseCase {

    private final UserTokens userTokens;
    private final AgentTokens agentTokens;
    private final Clock clock;

    public IdentifyCallerService(UserTokens userTokens, AgentTokens agentTokens, Clock clock) {
        this.userTokens = userTokens;
        this.agentTokens = agentTokens;
        this.clock = clock;
    }

    @Override
    public Caller identify(Secret token) {
        TokenHash hash = SecretHashing.hashToken(token);
        Optional<? extends Caller> user = userTokens.find(hash);
        if (user.isPresent()) {
            return user.get();
        }
        AgentTokens.AgentGrant grant = agentTokens.find(hash)
                .orElseThrow(() -> new NotAuthenticatedException("unknown token"));
        Instant now = clock.instant();
        if (!now.isBefore(grant.expiresAt())) {
            throw new NotAuthenticatedException("token expired; ask for a new one at POST /v2/{project_id}/agents/tokens");
        }
        return new AgentCaller(grant.project(), grant.agent());
    }
}
