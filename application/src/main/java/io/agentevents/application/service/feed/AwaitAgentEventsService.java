package io.agentevents.application.service.feed;

import io.agentevents.application.port.in.feed.AwaitAgentEventsQuery;
import io.agentevents.application.port.in.feed.AwaitAgentEventsUseCase;
import io.agentevents.application.port.in.feed.PendingPage;
import io.agentevents.application.port.out.AgentSessionRepository;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.EventSignals;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.service.PresenceBuffer;
import io.agentevents.domain.activation.Schedules;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Agents' long-polls: each a {@link PendingPoll} that watches its agent's feed through the
 * node's {@link FeedWatchers}, which wake it when the feed may have grown, and whose deadline
 * answers it with what it has.
 */
public class AwaitAgentEventsService implements AwaitAgentEventsUseCase {

    private final AgentFeedReader reader;
    private final StoreCalls calls;
    private final FeedWatchers watchers;

    /** With a {@link FeedWatchers} of its own, on {@code signals} and {@code deadlines}. */
    public AwaitAgentEventsService(AgentSessionRepository sessions, EventLog eventLog, PresenceBuffer presence,
                                   Schedules schedules, Clock clock, StoreCalls calls, EventSignals signals,
                                   ScheduledExecutorService deadlines) {
        this(sessions, eventLog, presence, schedules, clock, calls, new FeedWatchers(eventLog, calls, signals, deadlines));
    }

    /** @param watchers the node's watches of agents' feeds, shared with whatever else waits on them */
    public AwaitAgentEventsService(AgentSessionRepository sessions, EventLog eventLog, PresenceBuffer presence,
                                   Schedules schedules, Clock clock, StoreCalls calls, FeedWatchers watchers) {
        this.reader = new AgentFeedReader(sessions, eventLog, presence, schedules, clock);
        this.calls = calls;
        this.watchers = watchers;
    }

    @Override
    public PendingPage await(AwaitAgentEventsQuery query) {
        PendingPoll poll = new PendingPoll(query.feed(), reader, calls);
        Runnable release = watchers.watch(query.feed().project(), poll, query.maxWait(), poll::answerNow);
        poll.begin(release);
        return poll;
    }

    /** How many watches wait on this node now, polls and others (a metric). */
    public int waiting() {
        return watchers.waiting();
    }
}
