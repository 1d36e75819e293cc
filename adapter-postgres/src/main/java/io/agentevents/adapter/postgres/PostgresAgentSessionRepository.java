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
 * per interval" rule is decided under that lock, in the database. Its UPDATE rides on the
 * transaction's next statement, usually the lock of the project's event counter for the events
 * the change caused ({@link PostgresStore#deferToNextStatement}).
 */
public class PostgresAgentSessionRepository implements AgentSessionRepository {

    private static final AgentSessionRow ROWS = new AgentSessionRow();
    /** Casts: the driver sends a null UUID as text, and a batch binding NULL to one row and a value to the next must agree on types. */
    private static final String UPDATE = update("");
    /** The same, its parameters named apart ({@code :session.mode}), for a statement that carries it along. */
    private static final String CARRIED_UPDATE = update("session.");

    private final PostgresStore store;

    public PostgresAgentSessionRepository(PostgresStore store) {
        this.store = store;
    }

    private static String update(String parameters) {
        return """
                UPDATE agent_sessions
                   SET activation_mode = :%1$smode, activation_at = CAST(:%1$sat AS timestamptz),
                       activation_expires_at = CAST(:%1$sexpiresAt AS timestamptz),
                       activation_request_id = CAST(:%1$srequestId AS uuid),
                       last_check_in_at = CAST(:%1$slastCheckIn AS timestamptz),
                       last_heartbeat_event_at = CAST(:%1$slastHeartbeatEvent AS timestamptz), busy = :%1$sbusy,
                       shut_down = :%1$sshutDown, shut_down_at = CAST(:%1$sshutDownAt AS timestamptz)
                 WHERE project_id = :%1$sproject AND agent_id = :%1$sagent
                """.formatted(parameters);
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
                               last_heartbeat_event_at, busy, shut_down, shut_down_at)
                        VALUES (:project, :agent, :mode, :at, :expiresAt, CAST(:requestId AS uuid), :lastCheckIn,
                                :lastHeartbeatEvent, :busy, :shutDown, :shutDownAt)
                        ON CONFLICT (project_id, agent_id) DO NOTHING
                        """)
                .bindMethods(SessionValues.of(session))
                .execute());
        if (inserted == 0) {
            throw new IllegalStateException("agent " + session.agent() + " already has a session");
        }
    }

    /**
     * The session locked, and then the project's event counter, which the events the change causes
     * will need: one round trip for both, in the order every writer takes them. The counter is
     * locked only if the session and the counter exist; its value goes to the events' writes.
     */
    private static final String LOCK_SESSION_AND_COUNTER = """
            WITH session AS MATERIALIZED (%s WHERE s.project_id = :project AND s.agent_id = :agent FOR UPDATE OF s),
                 counter AS (UPDATE event_counters c SET last_id = c.last_id FROM session
                              WHERE c.project_id = session.project_id RETURNING c.last_id)
            SELECT session.*, (SELECT last_id FROM counter) AS counter_last_id FROM session
            """.formatted(AgentSessionRow.SELECT);

    @Override
    public Optional<SessionChange> update(ProjectId project, AgentId agent,
                                          Function<CoveredSession, SessionChange> change) {
        return store.inTransaction(() -> store.call(handle -> {
            Optional<SessionChange> applied = handle.createQuery(LOCK_SESSION_AND_COUNTER)
                    .bind("project", project.value())
                    .bind("agent", agent.value())
                    .map((row, context) -> {
                        long counter = row.getLong("counter_last_id");
                        if (!row.wasNull()) {
                            store.counterLockedInTransaction(project, counter);
                        }
                        return ROWS.map(row, context);
                    })
                    .findOne()
                    .map(change);
            // The row is locked and its values are typed: the UPDATE cannot fail later for this request's reasons.
            applied.ifPresent(done -> store.deferToNextStatement(handle, CARRIED_UPDATE,
                    statement -> statement.bindMethods("session", SessionValues.of(done.next()))));
            return applied;
        }));
    }

    /**
     * Locks the sessions in one query, in key order (two nodes flushing at once never deadlock),
     * and writes them back in one batch; its commit tells every node, this one first, that
     * presence was written ({@link PostgresEventSignals#PRESENCE_WRITTEN}).
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
                handle.createQuery("SELECT count(pg_notify(:channel, :payload))")
                        .bind("channel", PostgresEventSignals.CHANNEL)
                        .bind("payload", PostgresEventSignals.PRESENCE_WRITTEN)
                        .mapTo(Long.class).one();
                store.announceAfterCommit(handle, List.of(PostgresEventSignals.PRESENCE_WRITTEN));
            }
            return applied;
        }));
    }

    /** A session as the parameters of its row, typed, bound by name ({@code bindMethods}). */
    public record SessionValues(String project, UUID agent, String mode, OffsetDateTime at, OffsetDateTime expiresAt,
                                UUID requestId, OffsetDateTime lastCheckIn, OffsetDateTime lastHeartbeatEvent,
                                boolean busy, boolean shutDown, OffsetDateTime shutDownAt) {

        static SessionValues of(AgentSession session) {
            Optional<Activation> own = session.agentActivation();
            return new SessionValues(session.project().value(), session.agent().value(),
                    own.map(activation -> Columns.of(activation.mode())).orElse(null),
                    own.map(activation -> Columns.of(activation.at())).orElse(null),
                    own.flatMap(Activation::expiresAt).map(Columns::of).orElse(null),
                    own.map(activation -> activation.requestId().value()).orElse(null),
                    session.lastCheckInAt().map(Columns::of).orElse(null),
                    session.lastHeartbeatEventAt().map(Columns::of).orElse(null), session.busy(), session.shutDown(),
                    session.shutDownAt().map(Columns::of).orElse(null));
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
