package io.agentevents.application.service.feed;

import io.agentevents.application.port.in.feed.StreamProjectEventsQuery;
import io.agentevents.application.port.in.feed.StreamProjectEventsUseCase;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.EventSignals;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.service.access.Access;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.event.EventPageRequest;
import io.agentevents.domain.event.SortDirection;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Streams of projects' logs, woken by the store's signals like agents' long-polls: no thread
 * waits, and one read per project per wake-up serves every stream of the project on this node
 * ({@link ProjectStreams}).
 */
public class StreamProjectEventsService implements StreamProjectEventsUseCase, EventSignals.Listener {

    private final EventLog eventLog;
    private final StoreCalls calls;
    private final ConcurrentMap<ProjectId, ProjectStreams> projects = new ConcurrentHashMap<>();

    public StreamProjectEventsService(EventLog eventLog, StoreCalls calls, EventSignals signals) {
        this.eventLog = eventLog;
        this.calls = calls;
        signals.listen(this);
    }

    @Override
    public CompletionStage<Runnable> open(StreamProjectEventsQuery query, Reader reader) {
        ProjectId project = query.project();
        return calls.supply(() -> {
            Access.requireReader(query.caller(), project);
            return query.after().map(EventId::value).orElseGet(() -> newestId(project));
        }).thenApply(marker -> {
            ProjectStreams.Stream stream = new ProjectStreams.Stream(reader, marker);
            // Joined within the map's lock for the project: a last stream leaving cannot drop the group meanwhile.
            ProjectStreams group = projects.compute(project, (key, streams) -> {
                ProjectStreams joined = streams == null ? new ProjectStreams(key, eventLog, calls) : streams;
                joined.add(stream);
                return joined;
            });
            group.read(); // what came after its marker, and whatever came while it joined
            return () -> projects.computeIfPresent(project, (key, streams) -> streams.remove(stream) ? null : streams);
        });
    }

    /** How many streams are open on this node (a metric). */
    public int streaming() {
        return projects.values().stream().mapToInt(ProjectStreams::size).sum();
    }

    private long newestId(ProjectId project) {
        return eventLog.page(project, new EventPageRequest(Optional.empty(), 1, SortDirection.DESC)).events().stream()
                .findFirst().map(event -> event.id().value()).orElse(0L);
    }

    @Override
    public void appended(ProjectId project, Optional<AgentId> agent) {
        ProjectStreams streams = projects.get(project);
        if (streams != null) {
            streams.read();
        }
    }

    @Override
    public void mayHaveMissedSome() {
        projects.values().forEach(ProjectStreams::read);
    }
}
