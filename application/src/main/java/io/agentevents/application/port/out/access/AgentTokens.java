package io.agentevents.application.port.out.access;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The tokens issued to agents; kept only as hashes, dropped once expired. */
public interface AgentTokens {

    /** What an agent token grants, and until when. */
    record AgentGrant(ProjectId project, AgentId agent, Instant expiresAt) {

        public AgentGrant {
            Objects.requireNonNull(project, "project must not be null");
            Objects.requireNonNull(agent, "agent must not be null");
            Objects.requireNonNull(expiresAt, "expiresAt must not be null");
        }
    }

    void save(TokenHash token, AgentGrant grant);

    /** @return the grant, whether or not it has expired; empty if the token is unknown */
    Optional<AgentGrant> find(TokenHash token);

    /** Revokes every token of the agent (it was deleted). */
    void revokeAll(ProjectId project, AgentId agent);

    /**
     * Drops tokens that expired before {@code now}.
     *
     * @return how many were dropped
     */
    long purgeExpired(Instant now);
}
