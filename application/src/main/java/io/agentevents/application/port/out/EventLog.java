package io.agentevents.application.port.out;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.event.AgentEvent;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.event.EventPage;
import io.agentevents.domain.event.SortDirection;
import io.agentevents.domain.event.StoredEvent;
import io.agentevents.domain.event.EventPageRequest;
import io.agentevents.domain.event.HeartbeatRecorded;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The transient, per-project log of events.
 *
 * <p>The marker guarantee: within a project, ids only grow and become visible in id order, so
 * a reader that always passes the largest id it has seen never misses an event and never sees
 * one twice, however many writers append at once.
 *
 * <p>Ids never go backwards for a project, not even across a fresh store: a project's first id is
 * {@link #firstIdAt} the time of its first append, the microseconds since the epoch. A reader
 * that kept its marker from an earlier store is then below every new id, and misses nothing, as
 * long as no project appended more than a million events a second on average in that store.
 */
public interface EventLog {

    /** The smallest id a project's log starts at: ten digits, like the ids of the v2 reference. */
    long MIN_FIRST_ID = 1_000_000_000L;

    /** The id a project's first event gets when it is appended at {@code now}. */
    static long firstIdAt(Instant now) {
        long micros = Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000L), now.getNano() / 1_000);
        return Math.max(MIN_FIRST_ID, micros);
    }

    /**
     * Appends events to a project's log, in the given order, as one unit: either all become
     * visible or none.
     *
     * @return the stored events with their ids, in the given order; empty for an empty input
     * @throws StoreUnavailableException if the store cannot be reached; nothing was appended
     */
    List<StoredEvent> append(ProjectId project, List<NewEvent> events);

    /**
     * Reads a page of the project's log. With a marker, the {@code limit} events closest after
     * it; without, the newest ({@code DESC}) or oldest ({@code ASC}) {@code limit} events; then
     * ordered as asked. An unknown or purged marker is not an error. An unknown project has an
     * empty log.
     *
     * @throws StoreUnavailableException if the store cannot be reached
     */
    EventPage page(ProjectId project, EventPageRequest request);

    /**
     * Like {@link #page} over the agent's feed: the events about this agent, but for its own
     * heartbeats (it knows it is alive, and they would wake its every long-poll), plus the
     * activations of the whole project, paged as one sequence with one limit.
     *
     * @throws StoreUnavailableException if the store cannot be reached
     */
    EventPage feed(ProjectId project, AgentId agent, EventPageRequest request);

    /**
     * Like {@link #feed}, as the agent's users see it: the agent's heartbeats are in it too (they
     * tell a client the agent is awake). The marker guarantee holds for this view as well.
     *
     * @throws StoreUnavailableException if the store cannot be reached
     */
    EventPage feedWithHeartbeats(ProjectId project, AgentId agent, EventPageRequest request);

    /**
     * Drops events that happened before {@code cutoff}, in every project.
     *
     * @return how many events were dropped
     * @throws StoreUnavailableException if the store cannot be reached
     */
    long purgeBefore(Instant cutoff);

    /**
     * The first {@code limit} events of the agent's feed after {@code after} (from the start
     * without it), oldest first: the events of {@link #feed} without working out its links, for
     * a waiting poll that already knows them.
     */
    default List<StoredEvent> newInFeed(ProjectId project, AgentId agent, Optional<EventId> after, int limit) {
        return feed(project, agent, new EventPageRequest(after, limit, SortDirection.ASC)).events();
    }

    /**
     * The first {@code limit} events after {@code after} (from the start without it) that show in some agent's feed (all but
     * heartbeats: every agent's own events and the project's activations), oldest first. One read
     * of it serves every agent of the project waiting at a marker at or after {@code after}.
     *
     * @throws StoreUnavailableException if the store cannot be reached
     */
    List<StoredEvent> inFeedsAfter(ProjectId project, Optional<EventId> after, int limit);

    /** Whether an event shows in agents' feeds (see {@link #feed}): all but heartbeats. */
    static boolean inAgentFeeds(AgentEvent event) {
        return !(event instanceof HeartbeatRecorded);
    }

    /** How many events the log holds now, across projects (a gauge; purged events are gone). */
    long size();
}
