package io.agentevents.application.service.feed;

import io.agentevents.domain.activation.WholeProject;
import io.agentevents.domain.activation.Activation;
import io.agentevents.application.port.out.AgentSessionRepository.CoveredSession;
import io.agentevents.application.port.in.AgentNotFoundException;
import io.agentevents.application.port.in.feed.AgentEventsPage;
import io.agentevents.application.port.in.feed.ListAgentEventsQuery;
import io.agentevents.application.port.in.feed.PollDirective;
import io.agentevents.application.port.out.AgentSessionRepository.AgentKey;
import io.agentevents.application.port.out.AgentSessionRepository;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.service.PresenceBuffer;
import io.agentevents.application.service.access.Access;
import io.agentevents.domain.access.AgentCaller;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.event.AgentActivated;
import io.agentevents.domain.event.EventId;
import io.agentevents.domain.event.EventPage;
import io.agentevents.domain.event.SortDirection;
import io.agentevents.domain.event.StoredEvent;
import io.agentevents.domain.session.AgentSession;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads an agent's feed, blocking on the store: without its own heartbeats when the agent reads
 * it, with them when a user does. What a single read and a waiting read share.
 */
final class AgentFeedReader {

    private final AgentSessionRepository sessions;
    private final EventLog eventLog;
    private final PresenceBuffer presence;
    private final Schedules schedules;
    private final Clock clock;

    AgentFeedReader(AgentSessionRepository sessions, EventLog eventLog, PresenceBuffer presence, Schedules schedules,
                    Clock clock) {
        this.sessions = sessions;
        this.eventLog = eventLog;
        this.presence = presence;
        this.schedules = schedules;
        this.clock = clock;
    }

    /** A first read: when the agent itself asks, it is its check-in. */
    FeedRead read(ListAgentEventsQuery query) {
        Access.requireReaderOrAgentItself(query.caller(), query.project(), query.agent());
        CoveredSession session = sessions.find(query.project(), query.agent())
                .orElseThrow(() -> new AgentNotFoundException(query.project(), query.agent()));
        if (!(query.caller() instanceof AgentCaller)) {
            // Users see the agent's heartbeats too: they tell a client that the agent woke up.
            return new FeedRead(eventLog.feedWithHeartbeats(query.project(), query.agent(), query.page()),
                    Optional.empty());
        }
        // The agent's own poll is its check-in, written with the node's next presence flush.
        presence.checkIn(new AgentKey(query.project(), query.agent()), clock.instant(), query.requestId());
        return new FeedRead(eventLog.feed(query.project(), query.agent(), query.page()), Optional.of(session));
    }

    /**
     * Reads again for a poll that waits on {@code waitingOn}, an empty page of the agent's own:
     * its feed can only have grown after the marker, so only the events after it are read.
     */
    FeedRead readAgain(ListAgentEventsQuery query, FeedRead waitingOn) {
        if (!growsAfterItsMarker(query, waitingOn)) {
            return reread(query);
        }
        List<StoredEvent> events = eventLog.newInFeed(query.project(), query.agent(), query.page().after(),
                query.page().limit());
        if (events.size() == query.page().limit()) {
            return reread(query); // more may follow the page: its activations may not all be in it
        }
        return grown(waitingOn, events, events);
    }

    /**
     * Whether what the poll waits on can only grow by the feed's events after its marker, and
     * those alone give its next answer ({@link #grown}): it waits on an empty page of the agent's
     * own, paging forwards.
     */
    boolean growsAfterItsMarker(ListAgentEventsQuery query, FeedRead waitingOn) {
        return waitingOn.isEmpty() && waitingOn.session().isPresent() && query.page().direction() == SortDirection.ASC;
    }

    /** The full read again, without a second check-in. */
    private FeedRead reread(ListAgentEventsQuery query) {
        Access.requireReaderOrAgentItself(query.caller(), query.project(), query.agent());
        CoveredSession session = sessions.find(query.project(), query.agent())
                .orElseThrow(() -> new AgentNotFoundException(query.project(), query.agent()));
        return new FeedRead(eventLog.feed(query.project(), query.agent(), query.page()), Optional.of(session));
    }

    /**
     * The page {@code waitingOn} grew into: {@code page} are the first events after its marker
     * (the events before it and its link back are the same), and every activation that changes
     * the agent's mode is among {@code allNew}, every event of its feed after the marker: applied
     * to the session and project activation it waited with, they give the mode without reading
     * either again.
     */
    FeedRead grown(FeedRead waitingOn, List<StoredEvent> page, List<StoredEvent> allNew) {
        if (page.isEmpty()) {
            return waitingOn;
        }
        CoveredSession covered = waitingOn.session().orElseThrow();
        AgentSession session = covered.session();
        Optional<Activation> projectActivation = covered.projectActivation();
        for (StoredEvent stored : allNew) {
            if (stored.event() instanceof AgentActivated activated) {
                Activation activation = activated.activation();
                if (activation.scope() instanceof WholeProject) {
                    projectActivation = Optional.of(Activation.kept(projectActivation, activation));
                } else {
                    session = session.activate(activation).next();
                }
            }
        }
        Optional<EventId> next = Optional.of(page.get(page.size() - 1).id());
        return new FeedRead(new EventPage(page, next, waitingOn.page().previous()),
                Optional.of(new CoveredSession(session, projectActivation)));
    }

    /** The answer to the poll, with its directive worked out at {@code now}. */
    AgentEventsPage answerAt(FeedRead read, Instant now) {
        return new AgentEventsPage(read.page(), read.session().map(session -> directiveAt(session, now)));
    }

    AgentEventsPage answerNow(FeedRead read) {
        return answerAt(read, clock.instant());
    }

    private PollDirective directiveAt(CoveredSession covered, Instant now) {
        Mode mode = covered.session().effectiveModeAt(covered.projectActivation(), now);
        return new PollDirective(mode, schedules.forMode(mode).pollEvery(),
                covered.session().modeEndsAt(covered.projectActivation(), now));
    }
}
