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
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

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
        ProjectLog log = logs.get(project);
        return log == null ? EventPage.of(request, List.of(), List.of()) : log.page(request);
    }

    @Override
    public EventPage feed(ProjectId project, AgentId agent, EventPageRequest request) {
        ProjectLog log = logs.get(project);
        return log == null ? EventPage.of(request, List.of(), List.of()) : log.feed(agent, request);
    }

    @Override
    public List<StoredEvent> newInFeed(ProjectId project, AgentId agent, Optional<EventId> after, int limit) {
        ProjectLog log = logs.get(project);
        return log == null ? List.of() : log.newInFeed(agent, after.map(EventId::value).orElse(0L), limit);
    }

    private static boolean isProjectActivation(StoredEvent event) {
        return event.event() instanceof AgentActivated activated && activated.activation().scope() instanceof WholeProject;
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

    /**
     * One project's events in id order, its id counter (kept even when all events are purged), and
     * two indexes for agents' feeds: each agent's own feed events, and the project's activations.
     * A feed page merges the two, so its cost does not grow with the rest of the log.
     */
    private static final class ProjectLog {

        private final ArrayList<StoredEvent> events = new ArrayList<>();
        private final Map<AgentId, ArrayList<StoredEvent>> agentFeeds = new HashMap<>();
        private final ArrayList<StoredEvent> projectActivations = new ArrayList<>();
        private long lastId;

        synchronized List<StoredEvent> append(List<NewEvent> newEvents) {
            List<StoredEvent> stored = new ArrayList<>(newEvents.size());
            for (NewEvent newEvent : newEvents) {
                StoredEvent event = new StoredEvent(new EventId(++lastId), newEvent.event(), newEvent.requestId());
                events.add(event);
                if (isProjectActivation(event)) {
                    projectActivations.add(event);
                } else if (EventLog.inAgentFeeds(event.event())) {
                    event.event().agent().ifPresent(agent ->
                            agentFeeds.computeIfAbsent(agent, ignored -> new ArrayList<>()).add(event));
                }
                stored.add(event);
            }
            return stored;
        }

        synchronized EventPage page(EventPageRequest request) {
            return read(request, List.of(events));
        }

        synchronized EventPage feed(AgentId agent, EventPageRequest request) {
            return read(request, feedSources(agent));
        }

        synchronized List<StoredEvent> newInFeed(AgentId agent, long after, int limit) {
            List<ArrayList<StoredEvent>> sources = feedSources(agent);
            int[] cursor = new int[sources.size()];
            for (int s = 0; s < sources.size(); s++) {
                cursor[s] = firstIndexAfter(sources.get(s), after);
            }
            return oldestFrom(sources, cursor, limit);
        }

        private List<ArrayList<StoredEvent>> feedSources(AgentId agent) {
            return List.of(agentFeeds.getOrDefault(agent, new ArrayList<>()), projectActivations);
        }

        /** Up to {@code limit} events merged in id order from the cursors on, which it moves. */
        private static List<StoredEvent> oldestFrom(List<ArrayList<StoredEvent>> sources, int[] cursor, int limit) {
            List<StoredEvent> selected = new ArrayList<>(Math.min(limit, 16));
            while (selected.size() < limit) {
                int next = smallestAt(sources, cursor);
                if (next < 0) {
                    break;
                }
                selected.add(sources.get(next).get(cursor[next]++));
            }
            return selected;
        }

        /** A page over the id-ordered merge of the sources, and the ids just before it. */
        private static EventPage read(EventPageRequest request, List<ArrayList<StoredEvent>> sources) {
            int limit = request.limit();
            int[] cursor = new int[sources.size()];
            List<StoredEvent> selected = new ArrayList<>(limit);
            if (request.after().isPresent() || request.direction() == SortDirection.ASC) {
                long after = request.after().map(EventId::value).orElse(0L);
                for (int s = 0; s < sources.size(); s++) {
                    cursor[s] = firstIndexAfter(sources.get(s), after);
                }
                int[] older = cursor.clone();
                selected.addAll(oldestFrom(sources, cursor, limit));
                for (int s = 0; s < older.length; s++) {
                    older[s]--;
                }
                return EventPage.of(request, selected, new PrecedingIds(sources, older, limit + 1));
            }
            for (int s = 0; s < sources.size(); s++) {
                cursor[s] = sources.get(s).size() - 1;
            }
            while (selected.size() < limit) {
                int next = largestAt(sources, cursor);
                if (next < 0) {
                    break;
                }
                selected.add(sources.get(next).get(cursor[next]--));
            }
            return EventPage.of(request, selected, new PrecedingIds(sources, cursor, limit + 1));
        }

        private static int smallestAt(List<ArrayList<StoredEvent>> sources, int[] cursor) {
            int best = -1;
            for (int s = 0; s < sources.size(); s++) {
                if (cursor[s] < sources.get(s).size() && (best < 0
                        || sources.get(s).get(cursor[s]).id().compareTo(sources.get(best).get(cursor[best]).id()) < 0)) {
                    best = s;
                }
            }
            return best;
        }

        private static int largestAt(List<ArrayList<StoredEvent>> sources, int[] cursor) {
            int best = -1;
            for (int s = 0; s < sources.size(); s++) {
                if (cursor[s] >= 0 && (best < 0
                        || sources.get(s).get(cursor[s]).id().compareTo(sources.get(best).get(cursor[best]).id()) > 0)) {
                    best = s;
                }
            }
            return best;
        }

        /** Binary search: ids are ascending. */
        private static int firstIndexAfter(List<StoredEvent> sorted, long marker) {
            int low = 0;
            int high = sorted.size();
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (sorted.get(middle).id().value() <= marker) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            return low;
        }

        /** Events arrive in time order, so the old ones are a prefix; the indexes lose the same ids. */
        synchronized int size() {
            return events.size();
        }

        synchronized int purgeBefore(Instant cutoff) {
            int count = 0;
            while (count < events.size() && events.get(count).event().at().isBefore(cutoff)) {
                count++;
            }
            if (count == 0) {
                return 0;
            }
            long lastPurged = events.get(count - 1).id().value();
            events.subList(0, count).clear();
            projectActivations.subList(0, firstIndexAfter(projectActivations, lastPurged)).clear();
            agentFeeds.values().forEach(feed -> feed.subList(0, firstIndexAfter(feed, lastPurged)).clear());
            agentFeeds.values().removeIf(List::isEmpty);
            return count;
        }
    }

    /**
     * The ids before a page, newest first, as {@link EventPage#of} takes them: up to
     * {@code count} of them, each worked out when asked for. A page asks for one at most (the
     * marker of its previous link), so polling a long feed costs two binary searches, not a walk
     * back over a page of events.
     */
    private static final class PrecedingIds extends AbstractList<EventId> {

        private final List<ArrayList<StoredEvent>> sources;
        private final int[] newest;
        private final int size;

        /**
         * @param sources one or two lists of events, each in ascending id order, no id in both
         * @param newest  per source, the index of its newest event before the page (-1: none)
         */
        PrecedingIds(List<ArrayList<StoredEvent>> sources, int[] newest, int count) {
            if (sources.size() > 2) {
                throw new IllegalArgumentException("a page merges at most two sources");
            }
            this.sources = sources;
            this.newest = newest.clone();
            long available = 0;
            for (int index : newest) {
                available += index + 1;
            }
            this.size = (int) Math.min(available, count);
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public EventId get(int index) {
            Objects.checkIndex(index, size);
            if (sources.size() == 1) {
                return sources.get(0).get(newest[0] - index).id();
            }
            return newestBut(index, sources.get(0), newest[0], sources.get(1), newest[1]);
        }

        /**
         * The id with {@code skipped} larger ones before it among {@code a[0..lastA]} and
         * {@code b[0..lastB]}: the page's {@code skipped + 1} newest predecessors take some from
         * the top of each list, and the split is found by binary search on how many come from a.
         */
        private static EventId newestBut(int skipped, List<StoredEvent> a, int lastA, List<StoredEvent> b, int lastB) {
            int taken = skipped + 1;
            int low = Math.max(0, taken - (lastB + 1));
            int high = Math.min(taken, lastA + 1);
            while (low <= high) {
                int fromA = (low + high) >>> 1;
                int fromB = taken - fromA;
                if (fromA <= lastA && fromB > 0 && idAt(a, lastA - fromA) > idAt(b, lastB - fromB + 1)) {
                    low = fromA + 1; // a's newest left out is newer than b's oldest taken: take more from a
                } else if (fromB <= lastB && fromA > 0 && idAt(b, lastB - fromB) > idAt(a, lastA - fromA + 1)) {
                    high = fromA - 1; // and the other way round
                } else if (fromA == 0) {
                    return b.get(lastB - fromB + 1).id();
                } else if (fromB == 0 || idAt(a, lastA - fromA + 1) < idAt(b, lastB - fromB + 1)) {
                    return a.get(lastA - fromA + 1).id();
                } else {
                    return b.get(lastB - fromB + 1).id();
                }
            }
            throw new IllegalStateException("the sources are not in ascending id order");
        }

        private static long idAt(List<StoredEvent> events, int index) {
            return events.get(index).id().value();
        }
    }
}
