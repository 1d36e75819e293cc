package io.agentevents.adapter.postgres;

import io.agentevents.adapter.postgres.row.Columns;
import io.agentevents.adapter.postgres.row.EventRow;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.NewEvent;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.event.EventPage;
import io.agentevents.domain.event.EventPageRequest;
import io.agentevents.domain.event.SortDirection;
import io.agentevents.domain.event.StoredEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event log in {@code events}. Appends take their ids from the project's row in
 * {@code event_counters}, which stays locked until the appending transaction commits: the next
 * appender of the project waits, so ids become visible strictly in id order and a reader that
 * passes the largest id it has seen never skips one. An agent's feed is one query with one
 * ORDER BY and LIMIT over its events and the project's activations.
 */
public class PostgresEventLog implements EventLog {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresEventLog.class);
    private static final EventRow ROWS = new EventRow();
    /** Rows deleted per statement by the purge, so it never holds locks or bloats WAL for long. */
    static final int PURGE_BATCH = 5_000;
    /** The advisory lock that lets one node at a time purge; per schema, as schemas share a database's locks. */
    private static final String PURGE_LOCK = "hashtext('agent-events purge ' || current_schema())";

    private final PostgresStore store;
    private final Clock clock;

    /** @param clock read when a project appends its first event, for its first id */
    public PostgresEventLog(PostgresStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    public List<StoredEvent> append(ProjectId project, List<NewEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        long firstIdIfNew = EventLog.firstIdAt(clock.instant());
        return store.writing((handle, writes) -> writes.append(handle, project, events, firstIdIfNew));
    }

    @Override
    public EventPage page(ProjectId project, EventPageRequest request) {
        return read(project, Feed.WHOLE_LOG, request);
    }

    @Override
    public EventPage feed(ProjectId project, AgentId agent, EventPageRequest request) {
        return read(project, Feed.of(agent, false), request);
    }

    @Override
    public EventPage feedWithHeartbeats(ProjectId project, AgentId agent, EventPageRequest request) {
        return read(project, Feed.of(agent, true), request);
    }

    /**
     * Which rows a read takes: the whole project log ({@code agent} empty), or one agent's feed,
     * with or without its heartbeats.
     */
    private record Feed(Optional<UUID> agent, boolean withHeartbeats) {

        static final Feed WHOLE_LOG = new Feed(Optional.empty(), true);

        static Feed of(AgentId agent, boolean withHeartbeats) {
            return new Feed(Optional.of(agent.value()), withHeartbeats);
        }
    }

    @Override
    public List<StoredEvent> newInFeed(ProjectId project, AgentId agent, Optional<EventId> after, int limit) {
        return store.call(handle -> handle.createQuery(select(EventRow.COLUMNS, Feed.of(agent, false), "id > :marker", "ASC"))
                .bind("project", project.value())
                .bind("agent", agent.value())
                .bind("marker", after.map(EventId::value).orElse(0L))
                .bind("limit", limit)
                .map(ROWS)
                .list());
    }

    @Override
    public List<StoredEvent> inFeedsAfter(ProjectId project, Optional<EventId> after, int limit) {
        return store.call(handle -> handle.createQuery("SELECT " + EventRow.COLUMNS + " FROM events"
                        + " WHERE project_id = :project AND type <> 'agent_heartbeat' AND id > :marker"
                        + " ORDER BY id ASC LIMIT :limit")
                .bind("project", project.value())
                .bind("marker", after.map(EventId::value).orElse(0L))
                .bind("limit", limit)
                .map(ROWS)
                .list());
    }

    private EventPage read(ProjectId project, Feed feed, EventPageRequest request) {
        return store.call(handle -> {
            String order = request.after().isPresent() || request.direction() == SortDirection.ASC ? "ASC" : "DESC";
            String ids = request.after().isPresent() ? "id > :marker" : "TRUE";
            Query query = handle.createQuery(select(EventRow.COLUMNS, feed, ids, order))
                    .bind("project", project.value()).bind("limit", request.limit());
            request.after().ifPresent(marker -> query.bind("marker", marker.value()));
            feed.agent().ifPresent(id -> query.bind("agent", id));
            List<StoredEvent> selected = query.map(ROWS).list();
            return EventPage.of(request, selected, preceding(handle, project, feed, request, selected));
        });
    }

    /**
     * Rows of the project log, or of an agent's feed, whose ids meet {@code ids}, in {@code order},
     * at most {@code :limit}. A feed is two index ranges (project activations, the rows without an
     * agent, and the agent's own rows) read apart and merged: an OR of the two would make the
     * planner collect every matching row of the log before sorting, which grows with the log.
     */
    private static String select(String columns, Feed feed, String ids, String order) {
        String range = "SELECT " + columns + " FROM events WHERE project_id = :project AND %s AND " + ids
                + " ORDER BY id " + order + " LIMIT :limit";
        if (feed.agent().isEmpty()) {
            return range.formatted("TRUE");
        }
        String own = feed.withHeartbeats() ? "agent_id = :agent" : "agent_id = :agent AND type <> 'agent_heartbeat'";
        return "SELECT * FROM ((" + range.formatted("agent_id IS NULL") + ") UNION ALL (" + range.formatted(own)
                + ")) AS feed ORDER BY id " + order + " LIMIT :limit";
    }

    /** Up to limit + 1 ids older than the page (than the marker, for an empty page), newest first. */
    private static List<EventId> preceding(Handle handle, ProjectId project, Feed feed,
                                           EventPageRequest request, List<StoredEvent> selected) {
        Optional<Long> below = selected.stream().map(event -> event.id().value()).min(Long::compare)
                .or(() -> request.after().map(marker -> marker.value() + 1));
        if (below.isEmpty()) {
            return List.of();
        }
        Query query = handle.createQuery(select("id", feed, "id < :below", "DESC"))
                .bind("project", project.value())
                .bind("below", below.get())
                .bind("limit", request.limit() + 1);
        feed.agent().ifPresent(id -> query.bind("agent", id));
        return query.mapTo(Long.class).map(EventId::new).list();
    }

    /**
     * Runs on every node; a session-level advisory lock lets one purge at a time, and it deletes
     * in batches of {@value #PURGE_BATCH} rows, each its own short statement, so appends are never
     * held up for long.
     */
    @Override
    public long size() {
        return store.call(handle -> handle.createQuery("SELECT count(*) FROM events").mapTo(Long.class).one());
    }

    @Override
    public long purgeBefore(Instant cutoff) {
        return store.call(handle -> {
            boolean mine = handle.createQuery("SELECT pg_try_advisory_lock(" + PURGE_LOCK + ")").mapTo(Boolean.class).one();
            if (!mine) {
                LOG.debug("another node is purging events; skipping this round");
                return 0L;
            }
            try {
                long purged = 0;
                int deleted;
                do {
                    deleted = handle.createUpdate("""
                                    DELETE FROM events WHERE ctid IN (
                                        SELECT ctid FROM events WHERE at < :cutoff LIMIT :batch)
                                    """)
                            .bind("cutoff", Columns.of(cutoff))
                            .bind("batch", PURGE_BATCH)
                            .execute();
                    purged += deleted;
                } while (deleted == PURGE_BATCH);
                return purged;
            } finally {
                handle.createQuery("SELECT pg_advisory_unlock(" + PURGE_LOCK + ")").mapTo(Boolean.class).one();
            }
        });
    }
}
