package io.agentevents.application.service;

import io.agentevents.application.port.out.AgentSessionRepository.CoveredSession;
import io.agentevents.application.port.out.AgentSessionRepository.AgentKey;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.session.AgentSession;
import io.agentevents.domain.session.SessionChange;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * This node's check-ins and heartbeats not yet written: one entry per agent, however often it
 * called, so N agents heartbeating every second cost one write of N rows per flush instead of N
 * transactions. Only presence waits here; everything else is written before it is acknowledged.
 * What a flush has taken stays readable here until the flush has written it, so a read on this
 * node never falls between the buffer and the store.
 */
public final class PresenceBuffer {

    /**
     * What an agent showed since the last flush: when it was last seen, busy if it said so, and the
     * request that showed it last (the heartbeat event it may earn carries that request's id).
     */
    public record Observation(Instant seenAt, Optional<Boolean> busy, RequestId requestId) {

        Observation mergedWith(Observation later) {
            boolean laterIsNewer = !later.seenAt.isBefore(seenAt);
            Observation newer = laterIsNewer ? later : this;
            Observation older = laterIsNewer ? this : later;
            return new Observation(newer.seenAt, newer.busy.or(() -> older.busy), newer.requestId);
        }

        /** The domain behaviour that records this observation on a session. */
        public SessionChange applyTo(CoveredSession covered, Schedules schedules) {
            AgentSession session = covered.session();
            return busy.map(value -> session.recordHeartbeat(seenAt, value, covered.projectActivation(), schedules))
                    .orElseGet(() -> session.recordCheckIn(seenAt, covered.projectActivation(), schedules));
        }
    }

    private final ConcurrentMap<AgentKey, Observation> pending = new ConcurrentHashMap<>();
    /** What a flush has drained and not yet written. */
    private final ConcurrentMap<AgentKey, Observation> writing = new ConcurrentHashMap<>();

    public void checkIn(AgentKey agent, Instant at, RequestId request) {
        pending.merge(agent, new Observation(at, Optional.empty(), request), Observation::mergedWith);
    }

    public void heartbeat(AgentKey agent, Instant at, boolean busy, RequestId request) {
        pending.merge(agent, new Observation(at, Optional.of(busy), request), Observation::mergedWith);
    }

    /** What is pending for one agent, left in place: a read on this node shows what it has seen. */
    public Optional<Observation> peek(AgentKey agent) {
        Observation beingWritten = writing.get(agent);
        Observation waiting = pending.get(agent);
        if (beingWritten == null || waiting == null) {
            return Optional.ofNullable(waiting != null ? waiting : beingWritten);
        }
        return Optional.of(beingWritten.mergedWith(waiting));
    }

    /** What is pending for each agent of one project, as {@link #peek} gives it for each. */
    public Map<AgentKey, Observation> peekProject(ProjectId project) {
        Map<AgentKey, Observation> seen = new HashMap<>();
        writing.forEach((agent, observation) -> {
            if (agent.project().equals(project)) {
                seen.put(agent, observation);
            }
        });
        pending.forEach((agent, observation) -> {
            if (agent.project().equals(project)) {
                seen.merge(agent, observation, Observation::mergedWith);
            }
        });
        return seen;
    }

    /** Removes and returns what is pending for one agent (its startup or shutdown is written now). */
    public Optional<Observation> take(AgentKey agent) {
        writing.remove(agent);
        return Optional.ofNullable(pending.remove(agent));
    }

    /**
     * Removes and returns everything pending, for a flush to write; {@link #peek} still shows it
     * until {@link #written} or {@link #restore}.
     */
    public Map<AgentKey, Observation> drain() {
        Map<AgentKey, Observation> drained = new HashMap<>();
        for (AgentKey agent : pending.keySet()) {
            // Moved within the entry's lock: a concurrent peek finds it in one map or the other.
            pending.computeIfPresent(agent, (key, observation) -> {
                writing.put(key, observation);
                drained.put(key, observation);
                return null;
            });
        }
        return drained;
    }

    /** What a flush drained is in the store now: reads find it there. */
    public void written(Map<AgentKey, Observation> flushed) {
        flushed.forEach(writing::remove);
    }

    /** Puts back what a failed flush drained, merged with anything newer. */
    public void restore(Map<AgentKey, Observation> unwritten) {
        unwritten.forEach((agent, observation) -> pending.merge(agent, observation, Observation::mergedWith));
        written(unwritten);
    }

    /** How many agents have something pending. */
    public int size() {
        return pending.size();
    }
}
