package io.agentevents.adapter.postgres;

import io.agentevents.adapter.postgres.row.AgentRequestRow;
import io.agentevents.adapter.postgres.row.Columns;
import io.agentevents.application.port.out.AgentRequests;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.request.AgentRequest;
import java.time.Instant;
import java.util.Optional;

/**
 * Requests made of agents in {@code agent_requests}. A claim is one conditional update, which
 * waits for a concurrent claim's transaction and then finds the row claimed: of two answers at
 * once, on any nodes, exactly one is taken.
 */
public class PostgresAgentRequests implements AgentRequests {

    private static final AgentRequestRow ROWS = new AgentRequestRow();

    private final PostgresStore store;

    public PostgresAgentRequests(PostgresStore store) {
        this.store = store;
    }

    @Override
    public void open(AgentRequest request) {
        int inserted = store.call(handle -> handle.createUpdate("""
                        INSERT INTO agent_requests (project_id, request_id, agent_id, kind, at, expires_at, path,
                                                    path_encoded, password_hex, old_password_hex, vault_agent_id)
                        VALUES (:project, :request, :agent, :kind, :at, :expiresAt, :path, :pathEncoded, :passwordHex,
                                :oldPasswordHex, CAST(:vaultAgent AS uuid))
                        ON CONFLICT (project_id, request_id) DO NOTHING
                        """)
                .bindMethods(AgentRequestRow.Values.of(request))
                .execute());
        if (inserted == 0) {
            throw new IllegalStateException("request " + request.id() + " is kept already");
        }
    }

    @Override
    public Optional<AgentRequest> find(ProjectId project, AgentId agent, RequestId request) {
        return store.call(handle -> handle.createQuery("SELECT " + AgentRequestRow.COLUMNS + """
                         FROM agent_requests WHERE project_id = :project AND request_id = :request AND agent_id = :agent
                        """)
                .bind("project", project.value())
                .bind("request", request.value())
                .bind("agent", agent.value())
                .map(ROWS)
                .findOne());
    }

    @Override
    public boolean claimAnswer(ProjectId project, AgentId agent, RequestId request, Instant now) {
        return store.call(handle -> handle.createUpdate("""
                        UPDATE agent_requests SET claimed_at = :now
                         WHERE project_id = :project AND request_id = :request AND agent_id = :agent
                           AND claimed_at IS NULL AND expires_at > :now
                        """)
                .bind("project", project.value())
                .bind("request", request.value())
                .bind("agent", agent.value())
                .bind("now", Columns.of(now))
                .execute()) == 1;
    }

    @Override
    public void keepAnswer(ProjectId project, AgentId agent, RequestId request, AgentRequest.Answer answer,
                           Instant keptUntil) {
        AgentRequestRow.ItemColumns items = AgentRequestRow.ItemColumns.of(answer.answer());
        int kept = store.call(handle -> handle.createUpdate("""
                        UPDATE agent_requests
                           SET answered_at = :answeredAt, answer_event_id = :eventId, succeeded = CAST(:succeeded AS boolean),
                               valid = CAST(:valid AS boolean), answer_action = :action, answer_path = :path,
                               answer_path_encoded = :pathEncoded, item_names = :names,
                               item_names_encoded = :namesEncoded, item_bytes = :bytes, item_mime_types = :mimeTypes,
                               expires_at = :keptUntil
                         WHERE project_id = :project AND request_id = :request AND agent_id = :agent
                           AND claimed_at IS NOT NULL AND answered_at IS NULL
                        """)
                .bind("project", project.value())
                .bind("request", request.value())
                .bind("agent", agent.value())
                .bindMethods(AgentRequestRow.AnswerValues.of(answer))
                .bindArray("names", String.class, items.names())
                .bindArray("namesEncoded", String.class, items.namesEncoded())
                .bindArray("bytes", Long.class, items.bytes())
                .bindArray("mimeTypes", String.class, items.mimeTypes())
                .bind("keptUntil", Columns.of(keptUntil))
                .execute());
        if (kept == 0) {
            throw new IllegalStateException("request " + request + " was not claimed for an answer");
        }
    }

    @Override
    public long purgeExpiredBefore(Instant cutoff) {
        return store.call(handle -> handle.createUpdate("DELETE FROM agent_requests WHERE expires_at < :cutoff")
                .bind("cutoff", Columns.of(cutoff))
                .execute());
    }

    @Override
    public void removeAll(ProjectId project, AgentId agent) {
        store.call(handle -> handle.createUpdate("DELETE FROM agent_requests WHERE project_id = :project AND agent_id = :agent")
                .bind("project", project.value())
                .bind("agent", agent.value())
                .execute());
    }

    @Override
    public long size() {
        return store.call(handle -> handle.createQuery("SELECT count(*) FROM agent_requests").mapTo(Long.class).one());
    }
}
