package io.agentevents.application.service.feed;

import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.EventSignals;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.event.EventId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What waits on one project: agents' polls and other watches of agents' feeds. When the whole
 * project is activated every poll may have news, so one read of the project's new feed events,
 * from the oldest marker among them, serves them all; one such read at a time, and a signal
 * during it makes one more after it. Other watches wait for news of one agent (an answer), which
 * an activation of the whole project never is, so only a signal about their agent wakes them.
 */
public final class ProjectWaiters {

    /** Events one shared read takes at most; a poll whose feed it may not cover reads for itself. */
    public static final int SHARED_READ_LIMIT = 1_000;

    private final ProjectId project;
    private final EventLog eventLog;
    private final StoreCalls calls;
    /** By agent: a signal about one agent finds its watches without going through the others. */
    private final Map<AgentId, Set<FeedWatchers.AgentWatch>> watches = new ConcurrentHashMap<>();
    private final OneReadAtATime sharedRead = new OneReadAtATime(this::readForEveryPoll);

    ProjectWaiters(ProjectId project, EventLog eventLog, StoreCalls calls) {
        this.project = project;
        this.eventLog = eventLog;
        this.calls = calls;
    }

    void add(FeedWatchers.AgentWatch watch) {
        watches.compute(watch.agent(), (agent, agentsWatches) -> {
            Set<FeedWatchers.AgentWatch> set = agentsWatches == null ? ConcurrentHashMap.newKeySet() : agentsWatches;
            set.add(watch);
            return set;
        });
    }

    /**
     * @return whether none wait any more (a shared read under way still ends as it would: it only
     *         offers its news to the polls it read for)
     */
    boolean remove(FeedWatchers.AgentWatch watch) {
        watches.computeIfPresent(watch.agent(), (agent, agentsWatches) -> {
            agentsWatches.remove(watch);
            return agentsWatches.isEmpty() ? null : agentsWatches;
        });
        return watches.isEmpty();
    }

    /** Signals may have been lost: every watch looks for itself. */
    void everyWatchLooksAgain() {
        watches.values().forEach(agentsWatches -> agentsWatches.forEach(FeedWatchers.AgentWatch::agentMayHaveNews));
    }

    /** Events about one agent of the project may have been appended. */
    void agentFeedMayHaveGrown(AgentId agent) {
        watches.getOrDefault(agent, Set.of()).forEach(FeedWatchers.AgentWatch::agentMayHaveNews);
    }

    /** One commit appended {@code growth} to the agent's feed: the agent's polls may answer with it (see {@link PendingPoll#answerWith}). */
    void agentFeedGrew(AgentId agent, EventSignals.FeedGrowth growth) {
        watches.getOrDefault(agent, Set.of()).stream().filter(PendingPoll.class::isInstance).map(PendingPoll.class::cast)
                .forEach(poll -> poll.answerWith(growth));
    }

    /** The whole project was activated: every waiting poll may have news. */
    void everyFeedMayHaveGrown() {
        sharedRead.signal();
    }

    private void readForEveryPoll(Runnable done) {
        List<PendingPoll> served = new ArrayList<>();
        long oldest = Long.MAX_VALUE;
        List<PendingPoll> polls = watches.values().stream().flatMap(Set::stream)
                .filter(PendingPoll.class::isInstance).map(PendingPoll.class::cast).toList();
        for (PendingPoll poll : polls) {
            Optional<Long> marker = poll.sharedReadMarker();
            if (marker.isPresent()) {
                served.add(poll);
                oldest = Math.min(oldest, marker.get());
            } else {
                poll.agentMayHaveNews(); // still at its first read, or reading: it reads for itself
            }
        }
        if (served.isEmpty()) {
            done.run();
            return;
        }
        Optional<EventId> from = oldest == 0 ? Optional.empty() : Optional.of(new EventId(oldest));
        calls.supply(() -> eventLog.inFeedsAfter(project, from, SHARED_READ_LIMIT))
                .whenComplete((events, failure) -> {
                    if (failure != null) {
                        served.forEach(PendingPoll::agentMayHaveNews); // each finds out for itself
                    } else {
                        ProjectNews news = new ProjectNews(events);
                        boolean complete = events.size() < SHARED_READ_LIMIT;
                        served.forEach(poll -> poll.offer(news, complete));
                    }
                    done.run();
                });
    }
}
