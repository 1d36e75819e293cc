package io.agentevents.adapter.postgres;

import io.agentevents.adapter.postgres.row.Columns;
import io.agentevents.application.port.out.access.AgentTokens;
import io.agentevents.application.port.out.access.TokenHash;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Agent tokens in {@code agent_tokens}, by hash. */
public class PostgresAgentTokens implements AgentTokens {

    private final PostgresStore store;

    public PostgresAgentTokens(PostgresStore store) {
        this.store = store;
    }

    @Override
    public void save(TokenHash token, AgentGrant grant) {
        store.call(handle -> handle.createUpdate("""
                        INSERT INTO agent_tokens (token_hash, project_id, agent_id, expires_at)
                        VALUES (:hash, :project, :agent, :expiresAt)
                        ON CONFLICT (token_hash) DO UPDATE
                           SET project_id = EXCLUDED.project_id, agent_id = EXCLUDED.agent_id, expires_at = EXCLUDED.expires_at
                        """)
                .bind("hash", token.hex())
                .bind("project", grant.project().value())
                .bind("agent", grant.agent().value())
                .bind("expiresAt", Columns.of(grant.expiresAt()))
                .execute());
    }

    @Override
    public Optional<AgentGrant> find(TokenHash token) {
        return store.call(handle -> handle.createQuery(
                        "SELECT project_id, agent_id, expires_at FROM agent_tokens WHERE token_hash = :hash")
                .bind("hash", token.hex())
                .map((row, context) -> new AgentGrant(new ProjectId(row.getString("project_id")),
                        new AgentId(row.getObject("agent_id", UUID.class)), Columns.instant(row, "expires_at").orElseThrow()))
                .findOne());
    }

    @Override
    public void revokeAll(ProjectId project, AgentId agent) {
        store.call(handle -> handle.createUpdate("DELETE FROM agent_tokens WHERE project_id = :project AND agent_id = :agent")
                .bind("project", project.value())
                .bind("agent", agent.value())
                .execute());
    }

    @Override
    public long purgeExpired(Instant now) {
        return store.call(handle -> handle.createUpdate("DELETE FROM agent_tokens WHERE expires_at <= :now")
                .bind("now", Columns.of(now))
                .execute());
    }
}
