package io.agentevents.application.memory;

import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.NewEvent;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.activation.WholeProject;
import io.agentevents.domain.event.AgentActivated;
import io.agentevents.domain.event.AgentEvent;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.event.EventPage;
import io.agentevents.domain.event.EventPageRequest;
import io.agentevents.domain.event.SortDirection;
import io.agentevents.domain.event.StoredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

/**
 * The event log in memory. Each project's log is guarded by its own lock, held while ids are
 * assigned and events added and while pages are read, so ids become visible strictly in order:
 * the marker guarantee. Projects never wait for each other.
 */
public class InMemoryEventLog implements EventLog {

    private final ConcurrentMap<ProjectId, ProjectLog> logs = new ConcurrentHashMap<>();
    private final InMemoryEventSignals signals;

    /** A log that raises no signals. */
    public InMemoryEventLog() {
        this(new InMemoryEventSignals());
    }

    /** @param signals told of every append, after the events became visible */
    public InMemoryEventLog(InMemoryEventSignals signals) {
        this.signals = signals;
    }

    @Override
    public List<StoredEvent> append(ProjectId project, List<NewEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        List<StoredEvent> stored = logs.computeIfAbsent(project, ignored -> new ProjectLog()).append(events);
        stored.stream().map(StoredEvent::event).filter(EventLog::inAgentFeeds).map(AgentEvent::agent).distinct()
                .forEach(agent -> signals.appended(project, agent));
        return stored;
    }

    @Override
    public EventPage page(ProjectId project, EventPageRequest request) {
        return read(project, request, event -> true);
    }

    @Override
    public EventPage feed(ProjectId project, AgentId agent, EventPageRequest request) {
        return read(project, request,
                event -> (isAbout(event, agent) && EventLog.inAgentFeeds(event.event())) || isProjectActivation(event));
    }

    private static boolean isAbout(StoredEvent event, AgentId agent) {
        return event.event().agent().filter(agent::equals).isPresent();
    }

    private static boolean isProjectActivation(StoredEvent event) {
        return event.event() instanceof AgentActivated activated && activated.activation().scope() instanceof WholeProject;
    }

    private EventPage read(ProjectId project, EventPageRequest request, Predicate<StoredEvent> matches) {
        ProjectLog log = logs.get(project);
        if (log == null) {
            return EventPage.of(request, List.of(), List.of());
        }
        return log.read(request, matches);
    }

    @Override
    public long purgeBefore(Instant cutoff) {
        long purged = 0;
        for (ProjectLog log : logs.values()) {
            purged += log.purgeBefore(cutoff);
        }
        return purged;
    }

    /** One project's events in id order, and its id counter (kept even when all events are purged). */
    private static final class ProjectLog {

        private final ArrayList<StoredEvent> events = new ArrayList<>();
        private long lastId;

        synchronized List<StoredEvent> append(List<NewEvent> newEvents) {
            List<StoredEvent> stored = new ArrayList<>(newEvents.size());
            for (NewEvent newEvent : newEvents) {
                StoredEvent event = new StoredEvent(new EventId(++lastId), newEvent.event(), newEvent.requestId());
                events.add(event);
                stored.add(event);
            }
            return stored;
        }

        synchronized EventPage read(EventPageRequest request, Predicate<StoredEvent> matches) {
            int limit = request.limit();
            List<StoredEvent> selected = new ArrayList<>(Math.min(limit, events.size()));
            int olderFrom;
            if (request.after().isPresent()) {
                int first = firstIndexAfter(request.after().get());
                for (int i = first; i < events.size() && selected.size() < limit; i++) {
                    collect(events.get(i), matches, selected);
                }
                olderFrom = first - 1;
            } else if (request.direction() == SortDirection.ASC) {
                for (int i = 0; i < events.size() && selected.size() < limit; i++) {
                    collect(events.get(i), matches, selected);
                }
                olderFrom = -1;
            } else {
                int i = events.size() - 1;
                for (; i >= 0 && selected.size() < limit; i--) {
                    collect(events.get(i), matches, selected);
                }
                olderFrom = i;
            }
            List<EventId> preceding = new ArrayList<>();
            for (int i = olderFrom; i >= 0 && preceding.size() <= limit; i--) {
                if (matches.test(events.get(i))) {
                    preceding.add(events.get(i).id());
                }
            }
            return EventPage.of(request, selected, preceding);
        }

        private static void collect(StoredEvent event, Predicate<StoredEvent> matches, List<StoredEvent> selected) {
            if (matches.test(event)) {
                selected.add(event);
            }
        }

        /** Binary search: ids are ascending. */
        private int firstIndexAfter(EventId marker) {
            int low = 0;
            int high = events.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (events.get(middle).id().value() <= marker.value()) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        /** Events arrive in time order, so the old ones are a prefix. */
        synchronized int purgeBefore(Instant cutoff) {
            int count = 0;
            while (count < events.size() && events.get(count).event().at().isBefore(cutoff)) {
                count++;
            }
            events.subList(0, count).clear();
            return count;
        }
    }
}
