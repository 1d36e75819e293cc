package io.agentevents.adapter.postgres;

import io.agentevents.adapter.postgres.row.AgentSessionRow;
import io.agentevents.adapter.postgres.row.Columns;
import io.agentevents.application.port.out.AgentSessionRepository.AgentKey;
import io.agentevents.application.port.out.AgentSessionRepository.CoveredSession;
import io.agentevents.application.port.out.presence.AnnouncedPresence;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.session.PresencePolicy;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Announced presence in the {@code announced_online} column of {@code agent_sessions}. Each mark
 * is an UPDATE whose WHERE is the compare: its row stays locked until the transaction commits, so
 * a second node's mark of the same agent waits and then finds it changed.
 */
public class PostgresAnnouncedPresence implements AnnouncedPresence {

    private static final AgentSessionRow ROWS = new AgentSessionRow();
    /** An activation column set ({@code s.activation_} or {@code p.}) in force at {@code :now}. */
    private static final String IN_FORCE = "%1$smode IS NOT NULL AND (%1$sexpires_at IS NULL OR %1$sexpires_at > :now)";
    /**
     * Offline at {@code :now} by the shortest window among the activations in force (idle's without
     * one): a superset of what the policy finds offline, which only ever lengthens a window.
     */
    private static final String MAY_BE_OFFLINE = AgentSessionRow.SELECT + """
             WHERE s.announced_online
               AND (s.shut_down OR s.last_check_in_at IS NULL OR s.last_check_in_at < :now - LEAST(
                    CASE WHEN %1$s THEN (CAST(:windows AS interval[]))[array_position(:modes, s.activation_mode)] END,
                    CASE WHEN %2$s THEN (CAST(:windows AS interval[]))[array_position(:modes, p.mode)] END,
                    CASE WHEN NOT (%1$s) AND NOT (%2$s) THEN CAST(:idleWindow AS interval) END))
             ORDER BY s.last_check_in_at NULLS FIRST
             LIMIT :limit
            """.formatted(IN_FORCE.formatted("s.activation_"), IN_FORCE.formatted("p."));

    private final PostgresStore store;

    public PostgresAnnouncedPresence(PostgresStore store) {
        this.store = store;
    }

    @Override
    public Set<AgentKey> markOnline(Collection<AgentKey> agents) {
        if (agents.isEmpty()) {
            return Set.of();
        }
        String[] projects = agents.stream().map(key -> key.project().value()).toArray(String[]::new);
        UUID[] ids = agents.stream().map(key -> key.agent().value()).toArray(UUID[]::new);
        return store.call(handle -> new HashSet<>(handle.createQuery("""
                        UPDATE agent_sessions SET announced_online = true
                         WHERE (project_id, agent_id) IN (SELECT * FROM unnest(:projects, :agents))
                           AND announced_online IS NOT TRUE
                        RETURNING project_id, agent_id
                        """)
                .bindArray("projects", String.class, (Object[]) projects)
                .bindArray("agents", UUID.class, (Object[]) ids)
                .map((row, context) -> new AgentKey(new ProjectId(row.getString("project_id")),
                        new AgentId(row.getObject("agent_id", UUID.class))))
                .list()));
    }

    @Override
    public boolean markOffline(AgentKey agent, Optional<Instant> lastCheckIn) {
        return store.call(handle -> handle.createUpdate("""
                        UPDATE agent_sessions SET announced_online = false
                         WHERE project_id = :project AND agent_id = :agent AND announced_online
                           AND last_check_in_at IS NOT DISTINCT FROM CAST(:seen AS timestamptz)
                        """)
                .bind("project", agent.project().value())
                .bind("agent", agent.agent().value())
                .bind("seen", lastCheckIn.map(Columns::of).orElse(null))
                .execute()) > 0;
    }

    @Override
    public List<CoveredSession> mayBeOffline(PresencePolicy policy, Instant now, int limit) {
        Mode[] modes = Mode.values();
        String[] names = new String[modes.length];
        String[] windows = new String[modes.length];
        for (int i = 0; i < modes.length; i++) {
            names[i] = Columns.of(modes[i]);
            windows[i] = interval(policy, modes[i]);
        }
        return store.call(handle -> handle.createQuery(MAY_BE_OFFLINE)
                .bind("now", Columns.of(now))
                .bindArray("modes", String.class, (Object[]) names)
                .bindArray("windows", String.class, (Object[]) windows)
                .bind("idleWindow", interval(policy, Mode.IDLE))
                .bind("limit", limit)
                .map(ROWS)
                .list());
    }

    /** The window as PostgreSQL reads an interval: whole microseconds. */
    private static String interval(PresencePolicy policy, Mode mode) {
        long micros = policy.onlineWindow(mode).toNanos() / 1_000;
        return micros + " microseconds";
    }

    /** The rows' locks order the marks within the transaction; there is nothing more to take. */
    @Override
    public <T> T exclusively(Supplier<T> work) {
        return work.get();
    }
}
