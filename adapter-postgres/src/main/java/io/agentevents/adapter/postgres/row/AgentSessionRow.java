package io.agentevents.adapter.postgres.row;

import io.agentevents.application.port.out.AgentSessionRepository.CoveredSession;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.activation.ActivationScope;
import io.agentevents.domain.activation.SingleAgent;
import io.agentevents.domain.session.AgentSession;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * A row of {@code agent_sessions} joined with its project's activation ({@code p_} columns): one
 * query reads both. The session is rebuilt through its own constructor so every invariant is
 * checked on load.
 */
public final class AgentSessionRow implements RowMapper<CoveredSession> {

    /** The session's own columns ({@code s}) and its project's activation's ({@code p}), without the ids. */
    public static final String STATE_COLUMNS = """
            s.activation_mode AS a_mode, s.activation_at AS a_at, s.activation_expires_at AS a_expires_at,
                   s.activation_request_id AS a_request_id,
                   s.last_check_in_at, s.last_heartbeat_event_at, s.busy, s.shut_down, s.shut_down_at,
                   p.mode AS p_mode, p.at AS p_at, p.expires_at AS p_expires_at, p.request_id AS p_request_id""";

    public static final String SELECT = """
            SELECT s.project_id, s.agent_id,
                   %s
              FROM agent_sessions s
              LEFT JOIN project_activations p ON p.project_id = s.project_id
            """.formatted(STATE_COLUMNS);

    @Override
    public CoveredSession map(ResultSet row, StatementContext context) throws SQLException {
        AgentId agent = new AgentId(row.getObject("agent_id", UUID.class));
        AgentSession session = new AgentSession(new ProjectId(row.getString("project_id")), agent,
                ActivationColumns.read(row, "a_", new SingleAgent(agent)),
                Columns.instant(row, "last_check_in_at"), Columns.instant(row, "last_heartbeat_event_at"),
                row.getBoolean("busy"), row.getBoolean("shut_down"), Columns.instant(row, "shut_down_at"));
        return new CoveredSession(session, ActivationColumns.read(row, "p_", ActivationScope.wholeProject()));
    }
}
