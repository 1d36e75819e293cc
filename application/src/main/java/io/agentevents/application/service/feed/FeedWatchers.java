package io.agentevents.application.service.feed;

import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.EventSignals;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What waits on this node for agents' feeds to grow, woken by the store's signals: agents'
 * long-polls, and clients waiting for an agent's answer to their request. A signal about an
 * agent wakes what watches it; one of the whole project makes one read serve all of the
 * project's polls (see {@link ProjectWaiters}). A watch costs a few small objects and a
 * deadline; no thread waits.
 */
public final class FeedWatchers implements EventSignals.Listener {

    /** Something waiting for news of one agent's feed; it looks again itself when told. */
    public interface AgentWatch {

        AgentId agent();

        /**
         * Events about the agent may have been appended, or signals may have been lost: look
         * again. Called on the store's threads, so it must return quickly.
         */
        void agentMayHaveNews();
    }

    private final EventLog eventLog;
    private final StoreCalls calls;
    private final ScheduledExecutorService deadlines;
    private final ConcurrentMap<ProjectId, ProjectWaiters> projects = new ConcurrentHashMap<>();
    private final AtomicInteger waiting = new AtomicInteger();

    /**
     * @param deadlines runs each watch's deadline; it must return quickly, and should drop
     *                  cancelled tasks (a watch that ends early cancels its deadline)
     */
    public FeedWatchers(EventLog eventLog, StoreCalls calls, EventSignals signals, ScheduledExecutorService deadlines) {
        this.eventLog = eventLog;
        this.calls = calls;
        this.deadlines = deadlines;
        signals.listen(this);
    }

    /**
     * Watches the agent's feed for {@code watch}, and runs {@code atDeadline} once {@code maxWait}
     * has passed, unless released first.
     *
     * @return the release: it ends the watch and cancels its deadline; running it again does nothing
     */
    public Runnable watch(ProjectId project, AgentWatch watch, Duration maxWait, Runnable atDeadline) {
        AtomicReference<ScheduledFuture<?>> deadline = new AtomicReference<>();
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (!released.compareAndSet(false, true)) {
                return;
            }
            waiting.decrementAndGet();
            projects.computeIfPresent(project, (key, waiters) -> waiters.remove(watch) ? null : waiters);
            ScheduledFuture<?> scheduled = deadline.get();
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        };
        waiting.incrementAndGet();
        // Added within the map's lock for the project: a last watch leaving cannot drop its waiters meanwhile.
        projects.compute(project, (key, waiters) -> {
            ProjectWaiters joined = waiters == null ? new ProjectWaiters(key, eventLog, calls) : waiters;
            joined.add(watch);
            return joined;
        });
        deadline.set(deadlines.schedule(atDeadline, maxWait.toMillis(), TimeUnit.MILLISECONDS));
        return release;
    }

    /** How many watches wait on this node now (a metric). */
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
    public void grew(ProjectId project, AgentId agent, EventSignals.FeedGrowth growth) {
        ProjectWaiters waiters = projects.get(project);
        if (waiters != null) {
            waiters.agentFeedGrew(agent, growth);
        }
    }

    @Override
    public void mayHaveMissedSome() {
        projects.values().forEach(ProjectWaiters::everyWatchLooksAgain);
    }
}
