package io.agentevents.application.memory;

import io.agentevents.application.port.out.access.AgentTokens;
import io.agentevents.application.port.out.access.TokenHash;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Agent tokens in memory, by hash. */
public class InMemoryAgentTokens implements AgentTokens {

    private final ConcurrentMap<TokenHash, AgentGrant> grants = new ConcurrentHashMap<>();

    @Override
    public void save(TokenHash token, AgentGrant grant) {
        grants.put(token, grant);
    }

    @Override
    public Optional<AgentGrant> find(TokenHash token) {
        return Optional.ofNullable(grants.get(token));
    }

    @Override
    public void revokeAll(ProjectId project, AgentId agent) {
        grants.values().removeIf(grant -> grant.project().equals(project) && grant.agent().equals(agent));
    }

    @Override
    public long purgeExpired(Instant now) {
        long before = grants.size();
        grants.values().removeIf(grant -> !now.isBefore(grant.expiresAt()));
        return Math.max(0, before - grants.size());
    }
}
