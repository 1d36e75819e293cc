package io.agentevents.adapter.postgres;

import io.agentevents.adapter.postgres.row.AgentSessionRow;
import io.agentevents.adapter.postgres.row.Columns;
import io.agentevents.application.port.out.AgentSessionRepository;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.session.AgentSession;
import io.agentevents.domain.session.SessionChange;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Sessions in {@code agent_sessions}, read joined with the project's activation
 * ({@code project_activations}, written by {@link PostgresProjectActivations}).
 * An update locks the session row ({@code FOR UPDATE}) for its transaction, so concurrent
 * changes of one agent, from any node, apply one after the other: the "one stored heartbeat
 * per interval" rule is decided under that lock, in the database.
 */
public class PostgresAgentSessionRepository implements AgentSessionRepository {

    private static final AgentSessionRow ROWS = new AgentSessionRow();
    /** Casts: the driver sends a null UUID as text, and a batch binding NULL to one row and a value to the next must agree on types. */
    private static final String UPDATE = """
            UPDATE agent_sessions
               SET activation_mode = :mode, activation_at = CAST(:at AS timestamptz),
                   activation_expires_at = CAST(:expiresAt AS timestamptz),
                   activation_request_id = CAST(:requestId AS uuid),
                   last_check_in_at = CAST(:lastCheckIn AS timestamptz),
                   last_heartbeat_event_at = CAST(:lastHeartbeatEvent AS timestamptz), busy = :busy, shut_down = :shutDown
             WHERE project_id = :project AND agent_id = :agent
            """;

    private final PostgresStore store;

    public PostgresAgentSessionRepository(PostgresStore store) {
        this.store = store;
    }

    @Override
    public Optional<CoveredSession> find(ProjectId project, AgentId agent) {
        return store.call(handle -> select(handle, project, agent, ""));
    }

    private static Optional<CoveredSession> select(Handle handle, ProjectId project, AgentId agent, String lock) {
        return handle.createQuery(AgentSessionRow.SELECT + " WHERE s.project_id = :project AND s.agent_id = :agent" + lock)
                .bind("project", project.value())
                .bind("agent", agent.value())
                .map(ROWS)
                .findOne();
    }

    @Override
    public void insert(AgentSession session) {
        int inserted = store.call(handle -> handle.createUpdate("""
                        INSERT INTO agent_sessions (project_id, agent_id, activation_mode, activation_at,
                               activation_expires_at, activation_request_id, last_check_in_at,
                               last_heartbeat_event_at, busy, shut_down)
                        VALUES (:project, :agent, :mode, :at, :expiresAt, CAST(:requestId AS uuid), :lastCheckIn,
                                :lastHeartbeatEvent, :busy, :shutDown)
                        ON CONFLICT (project_id, agent_id) DO NOTHING
                        """)
                .bindMethods(SessionValues.of(session))
                .execute());
        if (inserted == 0) {
            throw new IllegalStateException("agent " + session.agent() + " already has a session");
        }
    }

    @Override
    public Optional<SessionChange> update(ProjectId project, AgentId agent,
                                          Function<CoveredSession, SessionChange> change) {
        return store.inTransaction(() -> store.call(handle -> {
            Optional<SessionChange> applied = select(handle, project, agent, " FOR UPDATE OF s").map(change);
            applied.ifPresent(done -> handle.createUpdate(UPDATE).bindMethods(SessionValues.of(done.next())).execute());
            return applied;
        }));
    }

    /**
     * Locks the sessions in one query, in key order (two nodes flushing at once never deadlock),
     * and writes them back in one batch.
     */
    @Override
    public List<SessionChange> updateAll(Map<AgentKey, Function<CoveredSession, SessionChange>> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        List<AgentKey> keys = new ArrayList<>(changes.keySet());
        String[] projects = keys.stream().map(key -> key.project().value()).toArray(String[]::new);
        UUID[] agents = keys.stream().map(key -> key.agent().value()).toArray(UUID[]::new);
        return store.inTransaction(() -> store.call(handle -> {
            List<CoveredSession> locked = handle.createQuery(AgentSessionRow.SELECT
                            + " WHERE (s.project_id, s.agent_id) IN (SELECT * FROM unnest(:projects, :agents))"
                            + " ORDER BY s.project_id, s.agent_id FOR UPDATE OF s")
                    .bindArray("projects", String.class, (Object[]) projects)
                    .bindArray("agents", UUID.class, (Object[]) agents)
                    .map(ROWS)
                    .list();
            List<SessionChange> applied = new ArrayList<>(locked.size());
            PreparedBatch batch = handle.prepareBatch(UPDATE);
            for (CoveredSession covered : locked) {
                AgentSession session = covered.session();
                SessionChange change = changes.get(new AgentKey(session.project(), session.agent())).apply(covered);
                applied.add(change);
                batch.bindMethods(SessionValues.of(change.next())).add();
            }
            if (!applied.isEmpty()) {
                batch.execute();
            }
            return applied;
        }));
    }

    /** A session as the parameters of its row, typed, bound by name ({@code bindMethods}). */
    public record SessionValues(String project, UUID agent, String mode, OffsetDateTime at, OffsetDateTime expiresAt,
                                UUID requestId, OffsetDateTime lastCheckIn, OffsetDateTime lastHeartbeatEvent,
                                boolean busy, boolean shutDown) {

        static SessionValues of(AgentSession session) {
            Optional<Activation> own = session.agentActivation();
            return new SessionValues(session.project().value(), session.agent().value(),
                    own.map(activation -> Columns.of(activation.mode())).orElse(null),
                    own.map(activation -> Columns.of(activation.at())).orElse(null),
                    own.flatMap(Activation::expiresAt).map(Columns::of).orElse(null),
                    own.map(activation -> activation.requestId().value()).orElse(null),
                    session.lastCheckInAt().map(Columns::of).orElse(null),
                    session.lastHeartbeatEventAt().map(Columns::of).orElse(null), session.busy(), session.shutDown());
        }
    }

    /** Streams the rows in a read-only transaction, so the driver fetches them in batches, not all at once. */
    @Override
    public void forEachSeenSince(Instant since, Consumer<CoveredSession> action) {
        store.inTransactionOnHandle(handle -> {
            handle.createQuery(AgentSessionRow.SELECT + " WHERE s.last_check_in_at >= :since")
                    .bind("since", since)
                    .setFetchSize(1_000)
                    .map(ROWS)
                    .useStream(rows -> rows.forEach(action));
            return null;
        });
    }

    @Override
    public boolean delete(ProjectId project, AgentId agent) {
        return store.call(handle -> handle.createUpdate(
                        "DELETE FROM agent_sessions WHERE project_id = :project AND agent_id = :agent")
                .bind("project", project.value())
                .bind("agent", agent.value())
                .execute()) > 0;
    }
}
