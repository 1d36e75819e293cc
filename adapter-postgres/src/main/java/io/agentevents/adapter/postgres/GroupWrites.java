package io.agentevents.adapter.postgres;

import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.NewEvent;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.event.AgentEvent;
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
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The writes of one commit group, held back and written together just before its commit, so a
 * group costs a fixed number of round trips however many appends it carries: per project one
 * statement that locks its event counter (the first time the group appends to it), then for the
 * whole group one batch of counter updates, one batch of event inserts, one batch of project
 * activations (the newest per project) and one statement for the notifications.
 *
 * <p>Ids are handed out here from the locked counter, so they are the ids the rows get. The work
 * of one request can be dropped whole ({@link #mark()}, {@link #dropSince}) when it fails: its
 * rows and ids are given back, as if it had never run. Work in a group must not read what it
 * wrote: the rows are in the database only at the end of the group.
 */
final class GroupWrites {

    private static final String INSERT_EVENT = "INSERT INTO events (project_id, " + EventRow.COLUMNS + ") "
            + "VALUES (:project, :id, :type, :at, CAST(:agent AS uuid), :mode, CAST(:expiresAt AS timestamptz), "
            + "CAST(:busy AS boolean), :agentName, :hostOs, :requestId)";

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

    /** Takes ids for {@code events}, locking the project's counter first if this group has not yet. */
    List<StoredEvent> append(Handle handle, ProjectId project, List<NewEvent> events) {
        long last = lastIds.computeIfAbsent(project, locked -> lockedCounters.computeIfAbsent(locked,
                unlocked -> lockCounter(handle, unlocked)));
        List<StoredEvent> stored = new ArrayList<>(events.size());
        for (NewEvent event : events) {
            last++;
            Map<String, Object> row = EventRow.columns(last, event.event(), event.requestId());
            row.put("project", project.value());
            eventRows.add(row);
            stored.add(new StoredEvent(new EventId(last), event.event(), event.requestId()));
        }
        lastIds.put(project, last);
        stored.stream().map(StoredEvent::event).filter(EventLog::inAgentFeeds).map(AgentEvent::agent).distinct()
                .forEach(agent -> notifications.add(PostgresEventSignals.payload(project, agent)));
        return stored;
    }

    /** Keeps the newer of the activations of a project (a later one of the same instant wins, as in the upsert). */
    void saveProjectActivation(ProjectId project, Activation activation) {
        activations.merge(project, activation, (kept, given) -> kept.at().isAfter(given.at()) ? kept : given);
    }

    /** Writes everything held back, in the order that keeps locks in counter-then-activation order. */
    void flush(Handle handle) {
        PreparedBatch counters = handle.prepareBatch("UPDATE event_counters SET last_id = :last WHERE project_id = :project");
        lastIds.forEach((project, last) -> {
            if (last > lockedCounters.get(project)) {
                counters.bind("project", project.value()).bind("last", last).add();
            }
        });
        execute(counters);
        PreparedBatch inserts = handle.prepareBatch(INSERT_EVENT);
        eventRows.forEach(row -> inserts.bindMap(row).add());
        execute(inserts);
        PreparedBatch upserts = handle.prepareBatch(PostgresAgentSessionRepository.UPSERT_PROJECT_ACTIVATION);
        activations.forEach((project, activation) ->
                PostgresAgentSessionRepository.bindActivation(upserts.bind("project", project.value()), activation).add());
        execute(upserts);
        if (!notifications.isEmpty()) {
            // Delivered to every node's listener when (and only if) the group commits.
            handle.createQuery("SELECT pg_notify('" + PostgresEventSignals.CHANNEL + "', payload) "
                            + "FROM unnest(CAST(:payloads AS text[])) AS payload")
                    .bindArray("payloads", String.class, List.copyOf(notifications))
                    .mapTo(String.class)
                    .list();
        }
    }

    private static void execute(PreparedBatch batch) {
        if (batch.size() > 0) {
            batch.execute();
        }
    }

    /** Locks the project's counter row (creating it at 0) and reads it. */
    private static long lockCounter(Handle handle, ProjectId project) {
        return handle.createQuery("""
                        INSERT INTO event_counters (project_id, last_id) VALUES (:project, 0)
                        ON CONFLICT (project_id) DO UPDATE SET last_id = event_counters.last_id
                        RETURNING last_id
                        """)
                .bind("project", project.value())
                .mapTo(Long.class)
                .one();
    }
}
