package io.agentevents.application.service.feed;

import io.agentevents.application.port.in.feed.AwaitAgentEventsQuery;
import io.agentevents.application.port.in.feed.AwaitAgentEventsUseCase;
import io.agentevents.application.port.in.feed.PendingPage;
import io.agentevents.application.port.out.AgentSessionRepository;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.EventSignals;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.service.PresenceBuffer;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.activation.Schedules;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The node's waiting polls, woken by the store's signals: a signal about an agent makes its
 * polls read their feed again, one of the whole project makes one read serve all of the
 * project's polls (see {@link ProjectWaiters}). A waiting poll costs a few small objects and a
 * deadline; no thread waits.
 */
public class AwaitAgentEventsService implements AwaitAgentEventsUseCase, EventSignals.Listener {

    private final AgentFeedReader reader;
    private final EventLog eventLog;
    private final StoreCalls calls;
    private final ScheduledExecutorService deadlines;
    private final ConcurrentMap<ProjectId, ProjectWaiters> projects = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();

    /**
     * @param deadlines runs each poll's deadline; it must return quickly, and should drop
     *                  cancelled tasks (a poll that ends early cancels its deadline)
     */
    public AwaitAgentEventsService(AgentSessionRepository sessions, EventLog eventLog, PresenceBuffer presence,
                                   Schedules schedules, Clock clock, StoreCalls calls, EventSignals signals,
                                   ScheduledExecutorService deadlines) {
        this.reader = new AgentFeedReader(sessions, eventLog, presence, schedules, clock);
        this.eventLog = eventLog;
        this.calls = calls;
        this.deadlines = deadlines;
        signals.listen(this);
    }

    @Override
    public PendingPage await(AwaitAgentEventsQuery query) {
        ProjectId project = query.feed().project();
        AtomicReference<ScheduledFuture<?>> deadline = new AtomicReference<>();
        PendingPoll[] self = new PendingPoll[1];
        PendingPoll poll = new PendingPoll(query.feed(), reader, calls, () -> {
            waiting.decrementAndGet();
            projects.computeIfPresent(project, (key, waiters) -> waiters.remove(self[0]) ? null : waiters);
            ScheduledFuture<?> scheduled = deadline.get();
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        });
        self[0] = poll;
        waiting.incrementAndGet();
        // Added within the map's lock for the project: a last poll leaving cannot drop its waiters meanwhile.
        projects.compute(project, (key, waiters) -> {
            ProjectWaiters joined = waiters == null ? new ProjectWaiters(key, eventLog, calls) : waiters;
            joined.add(poll);
            return joined;
        });
        deadline.set(deadlines.schedule(poll::answerNow, query.maxWait().toMillis(), TimeUnit.MILLISECONDS));
        poll.start();
        return poll;
    }

    /** How many polls wait on this node now (a metric). */
    public int waiting() {
        return waiting.get();
    }

    @Override
    public void appended(ProjectId project, Optional<AgentId> agent) {
        ProjectWaiters waiters = projects.get(project);
        if (waiters == null) {
            return;
        }
        agent.ifPresentOrElse(waiters::agentFeedMayHaveGrown, waiters::everyFeedMayHaveGrown);
    }

    @Override
    public void mayHaveMissedSome() {
        projects.values().forEach(ProjectWaiters::everyPollReadsAgain);
    }
}
