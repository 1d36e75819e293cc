package io.agentevents.application.memory.log;

import io.agentevents.application.memory.InMemoryEventSignals;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.NewEvent;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.event.EventPage;
import io.agentevents.domain.event.EventPageRequest;
import io.agentevents.domain.event.StoredEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The event log in memory: a {@link ProjectLog} per project, each with its own lock, so projects
 * never wait for each other.
 */
public class InMemoryEventLog implements EventLog {

    private final ConcurrentMap<ProjectId, ProjectLog> logs = new ConcurrentHashMap<>();
    private final InMemoryEventSignals signals;
    private final Clock clock;

    /** A log that raises no signals. */
    public InMemoryEventLog(Clock clock) {
        this(new InMemoryEventSignals(), clock);
    }

    /**
     * @param signals told of every append, after the events became visible
     * @param clock   read when a project appends its first event, for its first id
     */
    public InMemoryEventLog(InMemoryEventSignals signals, Clock clock) {
        this.signals = signals;
        this.clock = clock;
    }

    @Override
    public List<StoredEvent> append(ProjectId project, List<NewEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<StoredEvent> stored = logs.computeIfAbsent(project, ignored -> new ProjectLog(EventLog.firstIdAt(clock.instant())))
                .append(events);
        signalFeedsOf(project, stored);
        return stored;
    }

    /** Each feed the events went to, once: an agent's, or every agent's (empty) for a project activation. */
    private void signalFeedsOf(ProjectId project, List<StoredEvent> stored) {
        Set<Optional<AgentId>> signalled = stored.size() == 1 ? null : new HashSet<>();
        for (StoredEvent event : stored) {
            if (EventLog.inAgentFeeds(event.event())) {
                Optional<AgentId> feed = event.event().agent();
                if (signalled == null || signalled.add(feed)) {
                    signals.appended(project, feed);
                }
            }
        }
    }

    @Override
    public EventPage page(ProjectId project, EventPageRequest request) {
        ProjectLog log = logs.get(project);
        return log == null ? EventPage.of(request, List.of(), List.of()) : log.page(request);
    }

    @Override
    public EventPage feed(ProjectId project, AgentId agent, EventPageRequest request) {
        ProjectLog log = logs.get(project);
        return log == null ? EventPage.of(request, List.of(), List.of()) : log.feed(agent, request);
    }

    @Override
    public EventPage feedWithHeartbeats(ProjectId project, AgentId agent, EventPageRequest request) {
        ProjectLog log = logs.get(project);
        return log == null ? EventPage.of(request, List.of(), List.of()) : log.feedWithHeartbeats(agent, request);
    }

    @Override
    public List<StoredEvent> newInFeed(ProjectId project, AgentId agent, Optional<EventId> after, int limit) {
        ProjectLog log = logs.get(project);
        return log == null ? List.of() : log.newInFeed(agent, after.map(EventId::value).orElse(0L), limit);
    }

    @Override
    public List<StoredEvent> inFeedsAfter(ProjectId project, Optional<EventId> after, int limit) {
        ProjectLog log = logs.get(project);
        return log == null ? List.of() : log.inFeedsAfter(after.map(EventId::value).orElse(0L), limit);
    }

    @Override
    public long size() {
        long size = 0;
        for (ProjectLog log : logs.values()) {
            size += log.size();
        }
        return size;
    }

    @Override
    public long purgeBefore(Instant cutoff) {
        long purged = 0;
        for (ProjectLog log : logs.values()) {
            purged += log.purgeBefore(cutoff);
        }
        return purged;
    }
}
