package io.agentevents.adapter.postgres;

import io.agentevents.adapter.postgres.row.Columns;
import io.agentevents.application.port.out.Logfiles;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.request.Logfile;
import io.agentevents.domain.request.LogfileState;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;

/** Log files in {@code logfiles}; a step of an upload is one conditional update. */
public class PostgresLogfiles implements Logfiles {

    private static final String SELECT = "SELECT project_id, logfile_id, agent_id, date, state FROM logfiles ";
    private static final RowMapper<Logfile> ROWS = (row, context) -> new Logfile(new ProjectId(row.getString("project_id")),
            new AgentId(row.getObject("agent_id", UUID.class)), new RequestId(row.getObject("logfile_id", UUID.class)),
            Columns.instant(row, "date").orElseThrow(), Columns.logfileState(row.getString("state")));

    private final PostgresStore store;

    public PostgresLogfiles(PostgresStore store) {
        this.store = store;
    }

    @Override
    public void add(Logfile logfile) {
        int inserted = store.call(handle -> handle.createUpdate("""
                        INSERT INTO logfiles (project_id, logfile_id, agent_id, date, state)
                        VALUES (:project, :logfile, :agent, :date, :state)
                        ON CONFLICT (project_id, logfile_id) DO NOTHING
                        """)
                .bind("project", logfile.project().value())
                .bind("logfile", logfile.id().value())
                .bind("agent", logfile.agent().value())
                .bind("date", Columns.of(logfile.date()))
                .bind("state", Columns.of(logfile.state()))
                .execute());
        if (inserted == 0) {
            throw new IllegalStateException("log file " + logfile.id() + " is kept already");
        }
    }

    @Override
    public List<Logfile> list(ProjectId project, AgentId agent) {
        return store.call(handle -> handle.createQuery(SELECT
                        + "WHERE project_id = :project AND agent_id = :agent ORDER BY date, logfile_id")
                .bind("project", project.value())
                .bind("agent", agent.value())
                .map(ROWS)
                .list());
    }

    @Override
    public Optional<Logfile> find(ProjectId project, AgentId agent, RequestId logfile) {
        return store.call(handle -> handle.createQuery(SELECT
                        + "WHERE project_id = :project AND logfile_id = :logfile AND agent_id = :agent")
                .bind("project", project.value())
                .bind("logfile", logfile.value())
                .bind("agent", agent.value())
                .map(ROWS)
                .findOne());
    }

    @Override
    public boolean advance(ProjectId project, AgentId agent, RequestId logfile, LogfileState expected, LogfileState next) {
        return store.call(handle -> handle.createUpdate("""
                        UPDATE logfiles SET state = :next
                         WHERE project_id = :project AND logfile_id = :logfile AND agent_id = :agent AND state = :expected
                        """)
                .bind("project", project.value())
                .bind("logfile", logfile.value())
                .bind("agent", agent.value())
                .bind("expected", Columns.of(expected))
                .bind("next", Columns.of(next))
                .execute()) == 1;
    }

    @Override
    public boolean remove(ProjectId project, AgentId agent, RequestId logfile) {
        return store.call(handle -> handle.createUpdate(
                        "DELETE FROM logfiles WHERE project_id = :project AND logfile_id = :logfile AND agent_id = :agent")
                .bind("project", project.value())
                .bind("logfile", logfile.value())
                .bind("agent", agent.value())
                .execute()) == 1;
    }

    @Override
    public void removeAll(ProjectId project, AgentId agent) {
        store.call(handle -> handle.createUpdate("DELETE FROM logfiles WHERE project_id = :project AND agent_id = :agent")
                .bind("project", project.value())
                .bind("agent", agent.value())
                .execute());
    }
}
