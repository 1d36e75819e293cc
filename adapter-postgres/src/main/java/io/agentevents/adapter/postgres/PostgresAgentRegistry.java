package io.agentevents.adapter.postgres;

import io.agentevents.application.port.out.AgentRegistry;
import io.agentevents.application.port.out.PasswordHash;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.agent.AgentHost;
import io.agentevents.domain.agent.RegisteredAgent;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

/** Registered agents in {@code agents}. */
public class PostgresAgentRegistry implements AgentRegistry {

    private static final RowMapper<RegisteredAgent> ROWS = (row, context) -> new RegisteredAgent(
            new ProjectId(row.getString("project_id")), new AgentId(row.getObject("agent_id", UUID.class)),
            row.getString("name"), row.getString("version"),
            new AgentHost(row.getString("host_name"), row.getString("host_os"), row.getString("host_fingerprint")),
            Columns.instant(row, "registered_at").orElseThrow());
    private static final String SELECT = """
            SELECT project_id, agent_id, name, version, host_name, host_os, host_fingerprint, registered_at
              FROM agents
            """;

    private final PostgresStore store;

    public PostgresAgentRegistry(PostgresStore store) {
        this.store = store;
    }

    @Override
    public void add(RegisteredAgent agent, PasswordHash passwordHash) {
        int inserted = store.call(handle -> handle.createUpdate("""
                        INSERT INTO agents (project_id, agent_id, name, version, host_name, host_os, host_fingerprint,
                                            password_hash, registered_at)
                        VALUES (:project, :agent, :name, :version, :hostName, :hostOs, :fingerprint, :hash, :at)
                        ON CONFLICT (project_id, agent_id) DO NOTHING
                        """)
                .bind("project", agent.project().value())
                .bind("agent", agent.id().value())
                .bind("name", agent.name())
                .bind("version", agent.version())
                .bind("hostName", agent.host().name())
                .bind("hostOs", agent.host().os())
                .bind("fingerprint", agent.host().fingerprint())
                .bind("hash", passwordHash.encoded())
                .bind("at", Columns.of(agent.registeredAt()))
                .execute());
        if (inserted == 0) {
            throw new IllegalStateException("agent id " + agent.id() + " is already registered");
        }
    }

    @Override
    public Optional<RegisteredAgent> find(ProjectId project, AgentId agent) {
        return store.call(handle -> handle.createQuery(SELECT + " WHERE project_id = :project AND agent_id = :agent")
                .bind("project", project.value())
                .bind("agent", agent.value())
                .map(ROWS)
                .findOne());
    }

    @Override
    public Optional<PasswordHash> passwordHash(ProjectId project, AgentId agent) {
        return store.call(handle -> handle.createQuery(
                        "SELECT password_hash FROM agents WHERE project_id = :project AND agent_id = :agent")
                .bind("project", project.value())
                .bind("agent", agent.value())
                .mapTo(String.class)
                .findOne()
                .map(PasswordHash::new));
    }

    @Override
    public List<RegisteredAgent> list(ProjectId project) {
        return store.call(handle -> handle.createQuery(SELECT + " WHERE project_id = :project ORDER BY registered_at, agent_id")
                .bind("project", project.value())
                .map(ROWS)
                .list());
    }

    @Override
    public boolean remove(ProjectId project, AgentId agent) {
        return store.call(handle -> handle.createUpdate("DELETE FROM agents WHERE project_id = :project AND agent_id = :agent")
                .bind("project", project.value())
                .bind("agent", agent.value())
                .execute()) > 0;
    }
}
