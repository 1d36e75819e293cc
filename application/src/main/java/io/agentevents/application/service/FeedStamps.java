package io.agentevents.application.service;

import io.agentevents.application.port.out.AgentSessionRepository.AgentKey;
import io.agentevents.application.port.out.EventSignals;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When each agent's feed last changed, as far as this node's signals tell: every signal takes
 * the next value of one counter and marks the agent (or the whole project) with it. Whatever
 * changes an agent's feed, its activations or its tokens comes with a signal of its feed, raised
 * once the change is visible (see {@link EventSignals}). So a value read from the store after
 * {@link #now()} gave S is still current while {@link #unchangedSince} S holds for its agent.
 *
 * <p>It is only as good as the signals: while they may not arrive ({@link EventSignals#delivering()}
 * false), nothing counts as unchanged, and when they may have been missed, everything changed.
 * Another node's change counts from the moment its signal arrives here.
 */
public final class FeedStamps implements EventSignals.Listener {

    /** Agents and projects remembered; beyond it they are forgotten, as if everything changed. */
    static final int MAX_REMEMBERED = 1_000_000;

    private final EventSignals signals;
    private final AtomicLong counter = new AtomicLong();
    private final Map<ProjectId, Long> projects = new ConcurrentHashMap<>();
    private final Map<AgentKey, Long> agents = new ConcurrentHashMap<>();
    /** Stamps at or below it are older than the last time everything changed. */
    private volatile long everything;
    /** Stamps at or below it are older than the last presence flush heard of, by any node. */
    private volatile long presence;

    private FeedStamps(EventSignals signals) {
        this.signals = signals;
    }

    /** Stamps kept current by {@code signals}, from now on. */
    public static FeedStamps following(EventSignals signals) {
        FeedStamps stamps = new FeedStamps(signals);
        signals.listen(stamps);
        return stamps;
    }

    /** Stamps by which nothing is ever unchanged: what remembers with them remembers nothing. */
    public static FeedStamps never() {
        return new FeedStamps(new EventSignals() {
            @Override
            public void listen(Listener listener) {
            }

            @Override
            public boolean delivering() {
                return false;
            }
        });
    }

    /** The stamp to take before reading what is to be remembered. */
    public long now() {
        return counter.get();
    }

    /** Whether what was read after {@code stamp} may be remembered at all (signals are arriving). */
    public boolean trusted() {
        return signals.delivering();
    }

    /** Whether nothing of the agent's feed, activations or tokens changed after {@code stamp}. */
    public boolean unchangedSince(long stamp, ProjectId project, AgentId agent) {
        if (!signals.delivering()) {
            return false;
        }
        boolean unchanged = projects.getOrDefault(project, 0L) <= stamp
                && agents.getOrDefault(new AgentKey(project, agent), 0L) <= stamp;
        // Read after the maps: a clearing of the maps raises it before it clears them.
        return unchanged && everything <= stamp;
    }

    /**
     * Whether no presence flush was heard of after {@code stamp}: a session read after it still
     * holds every check-in stored, and those of this node not written yet are in its buffer.
     */
    public boolean presenceUnchangedSince(long stamp) {
        return signals.delivering() && presence <= stamp && everything <= stamp;
    }

    @Override
    public void presenceWritten() {
        presence = counter.incrementAndGet();
    }

    @Override
    public void appended(ProjectId project, Optional<AgentId> agent) {
        long stamp = counter.incrementAndGet();
        if (agent.isEmpty()) {
            projects.merge(project, stamp, Math::max);
        } else {
            agents.merge(new AgentKey(project, agent.get()), stamp, Math::max);
        }
        if (agents.size() > MAX_REMEMBERED || projects.size() > MAX_REMEMBERED) {
            everything = counter.incrementAndGet();
            agents.clear();
            projects.clear();
        }
    }

    @Override
    public void mayHaveMissedSome() {
        everything = counter.incrementAndGet();
    }
}
