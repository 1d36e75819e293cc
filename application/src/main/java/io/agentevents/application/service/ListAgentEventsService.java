package io.agentevents.application.service;

import io.agentevents.application.port.in.AgentNotFoundException;
import io.agentevents.application.port.in.feed.AgentEventsPage;
import io.agentevents.application.port.in.feed.ListAgentEventsQuery;
import io.agentevents.application.port.in.feed.ListAgentEventsUseCase;
import io.agentevents.application.port.in.feed.PollDirective;
import io.agentevents.application.port.out.AgentSessionRepository.AgentKey;
import io.agentevents.application.port.out.AgentSessionRepository;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.domain.access.AgentCaller;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.event.AgentActivated;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.event.EventPage;
import io.agentevents.domain.event.EventPageRequest;
import io.agentevents.domain.event.SortDirection;
import io.agentevents.domain.event.StoredEvent;
import io.agentevents.domain.session.AgentSession;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An agent's feed: without its own heartbeats when the agent reads it, with them when a user
 * does. The empty page an agent's poll found is remembered with its session until a
 * signal of the agent's feed (or its project's) says something changed, so the agent's next
 * poll with the same marker, the common case, is answered without reading the store.
 */
public class ListAgentEventsService implements ListAgentEventsUseCase {

    /** The last empty page answered to each agent, for this many agents at most. */
    static final int MAX_REMEMBERED_PAGES = 200_000;

    /** The empty page an agent's poll was answered, and the session its mode was worked out from. */
    private record EmptyPage(EventPageRequest request, EventPage page, AgentSession session) {
    }

    private final AgentSessionRepository sessions;
    private final EventLog eventLog;
    private final PresenceBuffer presence;
    private final Schedules schedules;
    private final Clock clock;

    private final RememberedAnswers<AgentKey, EmptyPage> emptyPages;

    public ListAgentEventsService(AgentSessionRepository sessions, EventLog eventLog, PresenceBuffer presence,
                                  Schedules schedules, Clock clock) {
        this(sessions, eventLog, presence, schedules, clock, FeedStamps.never());
    }

    public ListAgentEventsService(AgentSessionRepository sessions, EventLog eventLog, PresenceBuffer presence,
                                  Schedules schedules, Clock clock, FeedStamps stamps) {
        this.emptyPages = new RememberedAnswers<>(stamps, MAX_REMEMBERED_PAGES);
        this.sessions = sessions;
        this.eventLog = eventLog;
        this.presence = presence;
        this.schedules = schedules;
        this.clock = clock;
    }

    @Override
    public AgentEventsPage list(ListAgentEventsQuery query) {
        Access.requireReaderOrAgentItself(query.caller(), query.project(), query.agent());
        long stamp = emptyPages.stampBeforeReading();
        AgentSession session = sessions.find(query.project(), query.agent())
                .orElseThrow(() -> new AgentNotFoundException(query.project(), query.agent()));
        if (!(query.caller() instanceof AgentCaller)) {
            // Users see the agent's heartbeats too: they tell a client that the agent woke up.
            return new AgentEventsPage(eventLog.feedWithHeartbeats(query.project(), query.agent(), query.page()),
                    Optional.empty());
        }
        Instant now = clock.instant();
        AgentKey key = new AgentKey(query.project(), query.agent());
        if (!query.rereadWhileWaiting()) {
            // The agent's own poll is its check-in, written with the node's next presence flush.
            presence.checkIn(key, now, query.requestId());
        }
        EventPage page = eventLog.feed(query.project(), query.agent(), query.page());
        if (page.events().isEmpty()) {
            emptyPages.remember(key, new EmptyPage(query.page(), page, session), query.project(), query.agent(), stamp);
        }
        return new AgentEventsPage(page, Optional.of(directiveAt(session, now)), Optional.of(session));
    }

    /** Only the agent's own first read of the page it was last answered empty, unchanged since. */
    @Override
    public Optional<AgentEventsPage> listIfKnown(ListAgentEventsQuery query) {
        if (!(query.caller() instanceof AgentCaller) || query.rereadWhileWaiting()) {
            return Optional.empty();
        }
        Access.requireReaderOrAgentItself(query.caller(), query.project(), query.agent());
        AgentKey key = new AgentKey(query.project(), query.agent());
        return emptyPages.recall(key).filter(known -> known.request().equals(query.page())).map(known -> {
            Instant now = clock.instant();
            presence.checkIn(key, now, query.requestId());
            return new AgentEventsPage(known.page(), Optional.of(directiveAt(known.session(), now)),
                    Optional.of(known.session()));
        });
    }

    /**
     * A waiting poll's feed can only have grown after its marker, so the new page is the events
     * after it with the links of the page it waited on (the events before it are the same), and
     * every activation that changes the agent's mode is among the new events: applied to the
     * session it waited with, they give the mode without reading the session again.
     */
    @Override
    public AgentEventsPage rereadWhileWaiting(ListAgentEventsQuery query, AgentEventsPage waitingOn) {
        if (waitingOn.session().isEmpty() || !waitingOn.page().events().isEmpty()
                || query.page().direction() != SortDirection.ASC) {
            return list(query.reread());
        }
        Access.requireReaderOrAgentItself(query.caller(), query.project(), query.agent());
        List<StoredEvent> events = eventLog.newInFeed(query.project(), query.agent(), query.page().after(),
                query.page().limit());
        if (events.isEmpty()) {
            return waitingOn;
        }
        if (events.size() == query.page().limit()) {
            return list(query.reread()); // more may follow the page: its activations may not be all
        }
        AgentSession session = waitingOn.session().get();
        for (StoredEvent stored : events) {
            if (stored.event() instanceof AgentActivated activated) {
                session = session.activate(activated.activation()).next();
            }
        }
        Optional<EventId> next = Optional.of(events.get(events.size() - 1).id());
        EventPage page = new EventPage(events, next, waitingOn.page().previous());
        return new AgentEventsPage(page, Optional.of(directiveAt(session, clock.instant())), Optional.of(session));
    }

    private PollDirective directiveAt(AgentSession session, Instant now) {
        Mode mode = session.effectiveModeAt(now);
        return new PollDirective(mode, schedules.forMode(mode).pollEvery());
    }
}
