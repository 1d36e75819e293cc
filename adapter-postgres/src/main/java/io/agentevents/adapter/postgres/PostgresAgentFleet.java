package io.agentevents.adapter.postgres;

import io.agentevents.adapter.postgres.row.AgentRow;
import io.agentevents.adapter.postgres.row.AgentSessionRow;
import io.agentevents.application.port.out.AgentFleet;
import io.agentevents.domain.ProjectId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The fleet view on PostgreSQL: the project's agents joined with their sessions and its activation, one query. */
public class PostgresAgentFleet implements AgentFleet {

    private static final AgentRow AGENTS = new AgentRow();
    private static final AgentSessionRow SESSIONS = new AgentSessionRow();

    private static final String SELECT = """
            SELECT %s,
                   s.agent_id AS session_agent_id, %s
              FROM agents g
              LEFT JOIN agent_sessions s ON s.project_id = g.project_id AND s.agent_id = g.agent_id
              LEFT JOIN project_activations p ON p.project_id = g.project_id
             WHERE g.project_id = :project
             ORDER BY g.registered_at, g.agent_id
            """.formatted(Arrays.stream(AgentRow.COLUMNS.split(",")).map(column -> "g." + column.strip())
                    .collect(Collectors.joining(", ")), AgentSessionRow.STATE_COLUMNS);

    private final PostgresStore store;

    public PostgresAgentFleet(PostgresStore store) {
        this.store = store;
    }

    @Override
    public List<Member> list(ProjectId project) {
        return store.call(handle -> handle.createQuery(SELECT)
                .bind("project", project.value())
                .map((row, context) -> new Member(AGENTS.map(row, context),
                        row.getObject("session_agent_id") == null
                                ? Optional.empty() : Optional.of(SESSIONS.map(row, context))))
                .list());
    }
}
