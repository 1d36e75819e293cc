package io.agentevents.application.memory.log;

import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.NewEvent;
import io.agentevents.domain.AgentId;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One project's events, its id counter (kept even when all events are purged), and four
 * indexes for agents' feeds: each agent's own feed events, all of each agent's events (its
 * heartbeats too, for the feed its users read), the project's activations, and every event in
 * some feed (for one read that serves all of the project's waiting agents). A feed page
 * merges one agent index with the activations, so its cost does not grow with the rest of the
 * log; an agent's events but heartbeats are in two indexes, a long more each. Its lock is held while ids
 * are assigned and events added and while pages are read, so ids become visible strictly in
 * order: the marker guarantee.
 */
final class ProjectLog {

    private static final IdList NO_IDS = new IdList(); // never added to

    private final EventColumns events;
    private final Map<AgentId, IdList> agentFeeds = new HashMap<>();
    private final Map<AgentId, IdList> agentHistories = new HashMap<>();
    private final IdList projectActivations = new IdList();
    private final IdList inFeeds = new IdList();

    /** @param firstId the id of the project's first event */
    ProjectLog(long firstId) {
        this.events = new EventColumns(firstId);
    }

    synchronized List<StoredEvent> append(List<NewEvent> newEvents) {
        List<StoredEvent> stored = new ArrayList<>(newEvents.size());
        for (NewEvent newEvent : newEvents) {
            AgentEvent event = newEvent.event();
            long id = events.append(event, newEvent.requestId());
            if (EventLog.inAgentFeeds(event)) {
                inFeeds.add(id);
            }
            if (isProjectActivation(event)) {
                projectActivations.add(id);
            } else if (event.agent().isPresent()) {
                AgentId agent = event.agent().get();
                agentHistories.computeIfAbsent(agent, ignored -> new IdList()).add(id);
                if (EventLog.inAgentFeeds(event)) {
                    agentFeeds.computeIfAbsent(agent, ignored -> new IdList()).add(id);
                }
            }
            stored.add(new StoredEvent(new EventId(id), event, newEvent.requestId()));
        }
        return stored;
    }

    private static boolean isProjectActivation(AgentEvent event) {
        return event instanceof AgentActivated activated && activated.activation().scope() instanceof WholeProject;
    }

    synchronized EventPage page(EventPageRequest request) {
        return read(request, List.of(events));
    }

    synchronized EventPage feed(AgentId agent, EventPageRequest request) {
        return read(request, feedSources(agent));
    }

    synchronized EventPage feedWithHeartbeats(AgentId agent, EventPageRequest request) {
        return read(request, List.of(agentHistories.getOrDefault(agent, NO_IDS), projectActivations));
    }

    synchronized List<StoredEvent> newInFeed(AgentId agent, long after, int limit) {
        List<SortedIds> sources = feedSources(agent);
        int[] cursor = new int[sources.size()];
        for (int s = 0; s < sources.size(); s++) {
            cursor[s] = SortedIds.firstIndexAfter(sources.get(s), after);
        }
        return oldestFrom(sources, cursor, limit);
    }

    synchronized List<StoredEvent> inFeedsAfter(long after, int limit) {
        List<SortedIds> sources = List.of(inFeeds);
        return oldestFrom(sources, new int[] {SortedIds.firstIndexAfter(inFeeds, after)}, limit);
    }

    private List<SortedIds> feedSources(AgentId agent) {
        return List.of(agentFeeds.getOrDefault(agent, NO_IDS), projectActivations);
    }

    /** Up to {@code limit} events merged in id order from the cursors on, which it moves. */
    private List<StoredEvent> oldestFrom(List<SortedIds> sources, int[] cursor, int limit) {
        List<StoredEvent> selected = new ArrayList<>(Math.min(limit, 16));
        while (selected.size() < limit) {
            int next = smallestAt(sources, cursor);
            if (next < 0) {
                break;
            }
            selected.add(events.event(sources.get(next).idAt(cursor[next]++)));
        }
        return selected;
    }

    /** A page over the id-ordered merge of the sources, and the ids just before it. */
    private EventPage read(EventPageRequest request, List<SortedIds> sources) {
        int limit = request.limit();
        int[] cursor = new int[sources.size()];
        if (request.after().isPresent() || request.direction() == SortDirection.ASC) {
            long after = request.after().map(EventId::value).orElse(0L);
            for (int s = 0; s < sources.size(); s++) {
                cursor[s] = SortedIds.firstIndexAfter(sources.get(s), after);
            }
            int[] older = cursor.clone();
            List<StoredEvent> selected = oldestFrom(sources, cursor, limit);
            for (int s = 0; s < older.length; s++) {
                older[s]--;
            }
            return EventPage.of(request, selected, new PrecedingIds(sources, older, limit + 1));
        }
        for (int s = 0; s < sources.size(); s++) {
            cursor[s] = sources.get(s).size() - 1;
        }
        List<StoredEvent> selected = new ArrayList<>(Math.min(limit, 16));
        while (selected.size() < limit) {
            int next = largestAt(sources, cursor);
            if (next < 0) {
                break;
            }
            selected.add(events.event(sources.get(next).idAt(cursor[next]--)));
        }
        return EventPage.of(request, selected, new PrecedingIds(sources, cursor, limit + 1));
    }

    private static int smallestAt(List<SortedIds> sources, int[] cursor) {
        int best = -1;
        for (int s = 0; s < sources.size(); s++) {
            if (cursor[s] < sources.get(s).size()
                    && (best < 0 || sources.get(s).idAt(cursor[s]) < sources.get(best).idAt(cursor[best]))) {
                best = s;
            }
        }
        return best;
    }

    private static int largestAt(List<SortedIds> sources, int[] cursor) {
        int best = -1;
        for (int s = 0; s < sources.size(); s++) {
            if (cursor[s] >= 0 && (best < 0 || sources.get(s).idAt(cursor[s]) > sources.get(best).idAt(cursor[best]))) {
                best = s;
            }
        }
        return best;
    }

    synchronized int size() {
        return events.size();
    }

    /** Events arrive in time order, so the old ones are a prefix; the indexes lose the same ids. */
    synchronized int purgeBefore(Instant cutoff) {
        int purged = events.purgeBefore(cutoff);
        if (purged == 0) {
            return 0;
        }
        long lastPurged = events.lastId() - events.size();
        projectActivations.removeThrough(lastPurged);
        inFeeds.removeThrough(lastPurged);
        for (Map<AgentId, IdList> index : List.of(agentFeeds, agentHistories)) {
            index.values().forEach(feed -> feed.removeThrough(lastPurged));
            index.values().removeIf(IdList::isEmpty);
        }
        return purged;
    }
}
