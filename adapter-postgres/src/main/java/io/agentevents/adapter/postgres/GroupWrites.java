package io.agentevents.adapter.postgres;

import io.agentevents.adapter.postgres.row.Columns;
import io.agentevents.adapter.postgres.row.EventRow;
import io.agentevents.application.port.out.NewEvent;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.event.StoredEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * The writes of one commit group, held back and written together just before its commit, so a
 * group costs a fixed number of round trips however many appends it carries: per project one
 * statement that locks its event counter (the first time the group appends to it), then for the
 * whole group one statement that updates the counters, inserts the events, saves the project
 * activations (the newest per project) and sends the notifications, its rows passed as arrays.
 *
 * <p>Ids are handed out here from the locked counter, so they are the ids the rows get. The work
 * of one request can be dropped whole ({@link #mark()}, {@link #dropSince}) when it fails: its
 * rows and ids are given back, as if it had never run. Work in a group must not read what it
 * wrote: the rows are in the database only at the end of the group.
 */
final class GroupWrites {

    /** Every write of a group in one statement: data-modifying CTEs each run once, whatever the query reads. */
    private static final String FLUSH = """
            WITH counters AS (
                UPDATE event_counters c SET last_id = v.last
                  FROM unnest(CAST(:counterProjects AS text[]), CAST(:counterLasts AS bigint[])) AS v(project, last)
                 WHERE c.project_id = v.project),
            inserted AS (
                INSERT INTO events (project_id, id, type, at, agent_id, mode, expires_at, busy, agent_name, host_os,
                                    host_os_version, host_os_architecture, request_id)
                SELECT project, id, type, CAST(at AS timestamptz), CAST(agent AS uuid), mode,
                       CAST(expires_at AS timestamptz), CAST(busy AS boolean), agent_name, host_os, host_os_version,
                       host_os_architecture, CAST(request_id AS uuid)
                  FROM unnest(CAST(:projects AS text[]), CAST(:ids AS bigint[]), CAST(:types AS text[]),
                              CAST(:ats AS text[]), CAST(:agents AS text[]), CAST(:modes AS text[]),
                              CAST(:expiresAts AS text[]), CAST(:busys AS text[]), CAST(:agentNames AS text[]),
                              CAST(:hostOses AS text[]), CAST(:hostOsVersions AS text[]),
                              CAST(:hostOsArchitectures AS text[]), CAST(:requestIds AS text[]))
                    AS e(project, id, type, at, agent, mode, expires_at, busy, agent_name, host_os, host_os_version,
                         host_os_architecture, request_id)),
            activations AS (
                INSERT INTO project_activations (project_id, mode, at, expires_at, request_id)
                SELECT project, mode, CAST(at AS timestamptz), CAST(expires_at AS timestamptz), CAST(request_id AS uuid)
                  FROM unnest(CAST(:activationProjects AS text[]), CAST(:activationModes AS text[]),
                              CAST(:activationAts AS text[]), CAST(:activationExpiresAts AS text[]),
                              CAST(:activationRequestIds AS text[])) AS a(project, mode, at, expires_at, request_id)
                ON CONFLICT (project_id) DO UPDATE
                   SET mode = EXCLUDED.mode, at = EXCLUDED.at, expires_at = EXCLUDED.expires_at,
                       request_id = EXCLUDED.request_id
                 WHERE project_activations.at <= EXCLUDED.at)
            SELECT count(pg_notify('%s', payload)) FROM unnest(CAST(:payloads AS text[])) AS payload
            """.formatted(PostgresEventSignals.CHANNEL);

    /** The counter of each project as locked in the database: written back only if ids were taken. */
    private final Map<ProjectId, Long> lockedCounters = new HashMap<>();
    private Map<ProjectId, Long> lastIds = new HashMap<>();
    private final List<Map<String, Object>> eventRows = new ArrayList<>();
    private Map<ProjectId, Activation> activations = new LinkedHashMap<>();
    private Set<String> notifications = new LinkedHashSet<>();

    /** Where one request's writes start, to drop them if it fails. */
    record Mark(int eventRows, Map<ProjectId, Long> lastIds, Map<ProjectId, Activation> activations,
                Set<String> notifications) {
    }

    Mark mark() {
        return new Mark(eventRows.size(), new HashMap<>(lastIds), new LinkedHashMap<>(activations),
                new LinkedHashSet<>(notifications));
    }

    void dropSince(Mark mark) {
        eventRows.subList(mark.eventRows(), eventRows.size()).clear();
        lastIds = mark.lastIds();
        activations = mark.activations();
        notifications = mark.notifications();
    }

    /**
     * Takes ids for {@code events}, locking the project's counter first if this group has not yet.
     *
     * @param firstIdIfNew the first id of a project that has no counter yet
     */
    List<StoredEvent> append(Handle handle, ProjectId project, List<NewEvent> events, long firstIdIfNew) {
        long last = lastIds.computeIfAbsent(project, locked -> lockedCounters.computeIfAbsent(locked,
                unlocked -> lockCounter(handle, unlocked, firstIdIfNew)));
        List<StoredEvent> stored = new ArrayList<>(events.size());
        for (NewEvent event : events) {
            last++;
            Map<String, Object> row = EventRow.columns(last, event.event(), event.requestId());
            row.put("project", project.value());
            eventRows.add(row);
            stored.add(new StoredEvent(new EventId(last), event.event(), event.requestId()));
        }
        lastIds.put(project, last);
        notifications.addAll(PostgresEventSignals.payloads(project, stored));
        return stored;
    }

    /** Keeps the newer of the activations of a project (a later one of the same instant wins, as in the upsert). */
    void saveProjectActivation(ProjectId project, Activation activation) {
        activations.merge(project, activation, (kept, given) -> kept.at().isAfter(given.at()) ? kept : given);
    }

    /**
     * Writes everything held back in one round trip. The counters are locked already, and the
     * activation rows come after them, as on every other path. The notifications reach every
     * node's listener when (and only if) the group commits.
     */
    void flush(Handle handle) {
        if (eventRows.isEmpty() && activations.isEmpty()) {
            return;
        }
        List<String> counterProjects = new ArrayList<>();
        List<Long> counterLasts = new ArrayList<>();
        lastIds.forEach((project, last) -> {
            if (last > lockedCounters.get(project)) {
                counterProjects.add(project.value());
                counterLasts.add(last);
            }
        });
        var statement = handle.createQuery(FLUSH)
                .bindArray("counterProjects", String.class, counterProjects)
                .bindArray("counterLasts", Long.class, counterLasts)
                .bindArray("ids", Long.class, column("id").stream().map(Long.class::cast).toList());
        for (String[] parameter : EVENT_TEXT_COLUMNS) {
            statement.bindArray(parameter[0], String.class, column(parameter[1]).stream().map(GroupWrites::text).toList());
        }
        List<Activation> saved = List.copyOf(activations.values());
        statement.bindArray("activationProjects", String.class, List.copyOf(activations.keySet()).stream()
                        .map(ProjectId::value).toList())
                .bindArray("activationModes", String.class, saved.stream().map(a -> Columns.of(a.mode())).toList())
                .bindArray("activationAts", String.class, saved.stream().map(a -> text(Columns.of(a.at()))).toList())
                .bindArray("activationExpiresAts", String.class,
                        saved.stream().map(a -> a.expiresAt().map(Columns::of).map(GroupWrites::text).orElse(null)).toList())
                .bindArray("activationRequestIds", String.class, saved.stream().map(a -> a.requestId().value().toString()).toList())
                .bindArray("payloads", String.class, notifications())
                .mapTo(Long.class)
                .one();
    }

    /** The notification payloads of what is held back now, each once. */
    List<String> notifications() {
        return List.copyOf(notifications);
    }

    /** Array parameters of the flush and the event row fields they carry, as text cast in SQL. */
    private static final String[][] EVENT_TEXT_COLUMNS = {{"projects", "project"}, {"types", "type"}, {"ats", "at"},
            {"agents", "agent"}, {"modes", "mode"}, {"expiresAts", "expiresAt"}, {"busys", "busy"},
            {"agentNames", "agentName"}, {"hostOses", "hostOs"}, {"hostOsVersions", "hostOsVersion"},
            {"hostOsArchitectures", "hostOsArchitecture"}, {"requestIds", "requestId"}};

    private List<Object> column(String field) {
        List<Object> values = new ArrayList<>(eventRows.size());
        eventRows.forEach(row -> values.add(row.get(field)));
        return values;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** Locks the project's counter row (creating it just below {@code firstIdIfNew}) and reads it. */
    private static long lockCounter(Handle handle, ProjectId project, long firstIdIfNew) {
        return handle.createQuery("""
                        INSERT INTO event_counters (project_id, last_id) VALUES (:project, :firstId - 1)
                        ON CONFLICT (project_id) DO UPDATE SET last_id = event_counters.last_id
                        RETURNING last_id
                        """)
                .bind("project", project.value())
                .bind("firstId", firstIdIfNew)
                .mapTo(Long.class)
                .one();
    }
}
