package io.agentevents.adapter.postgres;

import io.agentevents.adapter.postgres.row.Columns;
import io.agentevents.adapter.postgres.row.EventRow;
import io.agentevents.adapter.postgres.row.FeedGrowthText;
import io.agentevents.application.port.out.NewEvent;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.event.EventType;
import io.agentevents.domain.event.StoredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.UUID;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The writes of one commit group, held back and written together just before its commit, so a
 * group costs a fixed number of round trips however many appends it carries: per project one
 * statement that locks its event counter (the first time the group appends to it), then for the
 * whole group one statement that updates the counters, inserts the events, saves the project
 * activations and sends the notifications, its rows passed as arrays. It is the stores' only way
 * to write events and project activations: a write outside a group is a group of one
 * ({@link PostgresStore#writing}). "A newer project activation wins" is stated once, in that
 * statement: the newest of the group per project (the later written of one instant), and only
 * over an older stored one. Besides each feed's plain notification it sends, before it, one that
 * carries what grew in an agent's feed, when that fits ({@link FeedGrowthText}), so the node
 * where the agent waits can answer without reading. A write the transaction held back rides on
 * the group's first statement ({@link PostgresStore#deferToNextStatement}).
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
                                    host_os_version, host_os_architecture, request_id, details)
                SELECT project, id, type, CAST(at AS timestamptz), CAST(agent AS uuid), mode,
                       CAST(expires_at AS timestamptz), CAST(busy AS boolean), agent_name, host_os, host_os_version,
                       host_os_architecture, CAST(request_id AS uuid), CAST(details AS text[])
                  FROM unnest(CAST(:projects AS text[]), CAST(:ids AS bigint[]), CAST(:types AS text[]),
                              CAST(:ats AS text[]), CAST(:agents AS text[]), CAST(:modes AS text[]),
                              CAST(:expiresAts AS text[]), CAST(:busys AS text[]), CAST(:agentNames AS text[]),
                              CAST(:hostOses AS text[]), CAST(:hostOsVersions AS text[]),
                              CAST(:hostOsArchitectures AS text[]), CAST(:requestIds AS text[]),
                              CAST(:details AS text[]))
                    AS e(project, id, type, at, agent, mode, expires_at, busy, agent_name, host_os, host_os_version,
                         host_os_architecture, request_id, details)),
            activations AS (
                INSERT INTO project_activations (project_id, mode, at, expires_at, request_id)
                SELECT DISTINCT ON (project) project, mode, CAST(at AS timestamptz), CAST(expires_at AS timestamptz),
                       CAST(request_id AS uuid)
                  FROM unnest(CAST(:activationProjects AS text[]), CAST(:activationModes AS text[]),
                              CAST(:activationAts AS text[]), CAST(:activationExpiresAts AS text[]),
                              CAST(:activationRequestIds AS text[])) WITH ORDINALITY
                    AS a(project, mode, at, expires_at, request_id, written)
                 ORDER BY project, CAST(at AS timestamptz) DESC, written DESC
                ON CONFLICT (project_id) DO UPDATE
                   SET mode = EXCLUDED.mode, at = EXCLUDED.at, expires_at = EXCLUDED.expires_at,
                       request_id = EXCLUDED.request_id
                 WHERE project_activations.at <= EXCLUDED.at)
            SELECT count(pg_notify('%s', payload)) FROM unnest(CAST(:payloads AS text[])) AS payload
            """.formatted(PostgresEventSignals.CHANNEL);

    /**
     * The same, sending before the plain notifications the growths of agents' feeds. Apart, so a
     * group without any (a project-wide wake-up's) keeps the plain statement: planned with the
     * growths' subqueries it commits about a quarter fewer activations a second.
     */
    private static final String FLUSH_GROWING = FLUSH.substring(0, FLUSH.lastIndexOf("SELECT count(pg_notify("))
            + """
            SELECT (SELECT count(pg_notify('%1$s', '%2$s' || g.project || ' ' || g.agent || ' ' || GREATEST(
                               coalesce((SELECT f.id FROM events f WHERE f.project_id = g.project
                                          AND f.agent_id = CAST(g.agent AS uuid) AND f.type <> 'agent_heartbeat'
                                          ORDER BY f.id DESC LIMIT 1), 0),
                               coalesce((SELECT f.id FROM events f WHERE f.project_id = g.project
                                          AND f.agent_id IS NULL ORDER BY f.id DESC LIMIT 1), 0))
                               || ' ' || g.events))
                      FROM unnest(CAST(:growthProjects AS text[]), CAST(:growthAgents AS text[]),
                                  CAST(:growthEvents AS text[])) AS g(project, agent, events))
                 + (SELECT count(pg_notify('%1$s', payload)) FROM unnest(CAST(:payloads AS text[])) AS payload)
            """.formatted(PostgresEventSignals.CHANNEL, PostgresEventSignals.GROWTH);

    private static final String LOCK_COUNTER = """
            INSERT INTO event_counters (project_id, last_id) VALUES (:project, :firstId - 1)
            ON CONFLICT (project_id) DO UPDATE SET last_id = event_counters.last_id
            RETURNING last_id
            """;

    /** The counter of each project as locked in the database: written back only if ids were taken. */
    private final Map<ProjectId, Long> lockedCounters = new HashMap<>();
    private Map<ProjectId, Long> lastIds = new HashMap<>();
    private final List<HeldEvent> events = new ArrayList<>();
    private final List<HeldActivation> activations = new ArrayList<>();
    private Set<String> notifications = new LinkedHashSet<>();
    /** A write of the transaction held back for this group's first statement to carry ({@link PostgresStore#deferToNextStatement}). */
    private Optional<PostgresStore.DeferredWrite> carried;

    GroupWrites() {
        this(Optional.empty(), Map.of());
    }

    /**
     * @param carried        a write the transaction held back, for the first statement to carry
     * @param lockedCounters counters the transaction has locked already, with their values
     */
    GroupWrites(Optional<PostgresStore.DeferredWrite> carried, Map<ProjectId, Long> lockedCounters) {
        this.carried = carried;
        this.lockedCounters.putAll(lockedCounters);
    }

    private record HeldEvent(ProjectId project, EventRow.Values row) {
    }

    private record HeldActivation(ProjectId project, Activation activation) {
    }

    /** Where one request's writes start, to drop them if it fails. */
    record Mark(int events, Map<ProjectId, Long> lastIds, int activations, Set<String> notifications) {
    }

    Mark mark() {
        return new Mark(events.size(), new HashMap<>(lastIds), activations.size(), new LinkedHashSet<>(notifications));
    }

    void dropSince(Mark mark) {
        events.subList(mark.events(), events.size()).clear();
        lastIds = mark.lastIds();
        activations.subList(mark.activations(), activations.size()).clear();
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
            this.events.add(new HeldEvent(project, EventRow.Values.of(last, event.event(), event.requestId())));
            stored.add(new StoredEvent(new EventId(last), event.event(), event.requestId()));
        }
        lastIds.put(project, last);
        notifications.addAll(PostgresEventSignals.payloads(project, stored));
        return stored;
    }

    /** Holds the activation back; the flush keeps the newest of each project's. */
    void saveProjectActivation(ProjectId project, Activation activation) {
        activations.add(new HeldActivation(project, activation));
    }

    /**
     * Writes everything held back in one round trip. The counters are locked already, and the
     * activation rows come after them, as on every other path. The notifications reach every
     * node's listener when (and only if) the group commits.
     */
    void flush(Handle handle) {
        if (events.isEmpty() && activations.isEmpty()) {
            takeCarried().ifPresent(write -> write.bind(handle.createUpdate(write.sql())).execute());
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
        Growths growths = growths();
        String statement = growths.texts().isEmpty() ? FLUSH : FLUSH_GROWING;
        Optional<PostgresStore.DeferredWrite> write = takeCarried();
        Query flush = handle.createQuery(write.map(deferred -> deferred.carriedBy(statement)).orElse(statement));
        write.ifPresent(deferred -> deferred.bind(flush));
        flush.bindArray("counterProjects", String.class, counterProjects)
                .bindArray("counterLasts", Long.class, counterLasts)
                .bindArray("projects", String.class, eventColumn(held -> held.project().value()))
                .bindArray("ids", Long.class, events.stream().map(held -> held.row().id()).toList())
                .bindArray("types", String.class, eventColumn(held -> held.row().type()))
                .bindArray("ats", String.class, eventColumn(held -> timestamp(held.row().at())))
                .bindArray("agents", String.class, eventColumn(held -> text(held.row().agent())))
                .bindArray("modes", String.class, eventColumn(held -> held.row().mode()))
                .bindArray("expiresAts", String.class, eventColumn(held -> timestamp(held.row().expiresAt())))
                .bindArray("busys", String.class, eventColumn(held -> text(held.row().busy())))
                .bindArray("agentNames", String.class, eventColumn(held -> held.row().agentName()))
                .bindArray("hostOses", String.class, eventColumn(held -> held.row().hostOs()))
                .bindArray("hostOsVersions", String.class, eventColumn(held -> held.row().hostOsVersion()))
                .bindArray("hostOsArchitectures", String.class, eventColumn(held -> held.row().hostOsArchitecture()))
                .bindArray("requestIds", String.class, eventColumn(held -> text(held.row().requestId())))
                .bindArray("details", String.class, eventColumn(held -> held.row().details()))
                .bindArray("activationProjects", String.class, activationColumn(held -> held.project().value()))
                .bindArray("activationModes", String.class, activationColumn(held -> Columns.of(held.activation().mode())))
                .bindArray("activationAts", String.class, activationColumn(held -> timestamp(held.activation().at())))
                .bindArray("activationExpiresAts", String.class,
                        activationColumn(held -> timestamp(held.activation().expiresAt().orElse(null))))
                .bindArray("activationRequestIds", String.class,
                        activationColumn(held -> text(held.activation().requestId().value())))
                .bindArray("payloads", String.class, notifications());
        if (!growths.texts().isEmpty()) {
            flush.bindArray("growthProjects", String.class, growths.projects())
                    .bindArray("growthAgents", String.class, growths.agents())
                    .bindArray("growthEvents", String.class, growths.texts());
        }
        flush.mapTo(Long.class).one();
    }

    /**
     * For each agent whose feed the group grows, the growth its signal carries, when it can: the
     * agent's own events of the group and the project's activations, in id order. The statement
     * adds the feed's last id before them, read under the counter's lock, before the group's rows.
     */
    private Growths growths() {
        String heartbeat = Columns.of(EventType.AGENT_HEARTBEAT);
        Map<ProjectId, List<EventRow.Values>> projectWide = new HashMap<>();
        Map<ProjectId, Map<UUID, List<EventRow.Values>>> own = new LinkedHashMap<>();
        for (HeldEvent held : events) {
            EventRow.Values row = held.row();
            if (row.agent() == null) {
                projectWide.computeIfAbsent(held.project(), project -> new ArrayList<>()).add(row);
            } else if (!row.type().equals(heartbeat)) {
                own.computeIfAbsent(held.project(), project -> new LinkedHashMap<>())
                        .computeIfAbsent(row.agent(), agent -> new ArrayList<>()).add(row);
            }
        }
        List<String> projects = new ArrayList<>();
        List<String> agents = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        own.forEach((project, byAgent) -> byAgent.forEach((agent, rows) -> {
            List<EventRow.Values> feed = new ArrayList<>(rows);
            feed.addAll(projectWide.getOrDefault(project, List.of()));
            feed.sort(Comparator.comparingLong(EventRow.Values::id));
            FeedGrowthText.eventsOf(feed).ifPresent(text -> {
                projects.add(project.value());
                agents.add(agent.toString());
                texts.add(text);
            });
        }));
        return new Growths(projects, agents, texts);
    }

    /** The growths' columns, one row per agent: project, agent, the events' text. */
    private record Growths(List<String> projects, List<String> agents, List<String> texts) {
    }

    /** The notification payloads of what is held back now, each once. */
    List<String> notifications() {
        return List.copyOf(notifications);
    }

    /** One column of the held events, as text the statement casts: arrays of text take nulls of every type alike. */
    private List<String> eventColumn(Function<HeldEvent, String> column) {
        List<String> values = new ArrayList<>(events.size());
        events.forEach(held -> values.add(column.apply(held)));
        return values;
    }

    private List<String> activationColumn(Function<HeldActivation, String> column) {
        List<String> values = new ArrayList<>(activations.size());
        activations.forEach(held -> values.add(column.apply(held)));
        return values;
    }

    private static String timestamp(Instant instant) {
        return instant == null ? null : Columns.of(instant).toString();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private Optional<PostgresStore.DeferredWrite> takeCarried() {
        Optional<PostgresStore.DeferredWrite> write = carried;
        carried = Optional.empty();
        return write;
    }

    /**
     * Locks the project's counter row (creating it just below {@code firstIdIfNew}) and reads it,
     * carrying the write held back for it, if any.
     */
    private long lockCounter(Handle handle, ProjectId project, long firstIdIfNew) {
        Optional<PostgresStore.DeferredWrite> write = takeCarried();
        Query lock = handle.createQuery(write.map(deferred -> deferred.carriedBy(LOCK_COUNTER)).orElse(LOCK_COUNTER));
        write.ifPresent(deferred -> deferred.bind(lock));
        return lock.bind("project", project.value())
                .bind("firstId", firstIdIfNew)
                .mapTo(Long.class)
                .one();
    }
}
