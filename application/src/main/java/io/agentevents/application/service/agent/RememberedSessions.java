package io.agentevents.application.service.agent;

import io.agentevents.application.port.out.AgentSessionRepository.AgentKey;
import io.agentevents.application.port.out.AgentSessionRepository.CoveredSession;
import io.agentevents.application.service.FeedStamps;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sessions this node last read, each with the stamp taken before its read, given back while
 * nothing that changes a session has been heard of since: no signal of the agent's feed or its
 * project's (activations, startup, shutdown, deletion) and no presence flush by any node. So a
 * status read repeated on a store that may block is answered without a query, as current as one.
 */
final class RememberedSessions {

    /** Agents remembered; beyond it they are all forgotten. */
    static final int MAX_REMEMBERED = 100_000;

    private record Read(CoveredSession covered, long stamp) {
    }

    private final FeedStamps stamps;
    private final Map<AgentKey, Read> reads = new ConcurrentHashMap<>();

    RememberedSessions(FeedStamps stamps) {
        this.stamps = stamps;
    }

    /** The stamp to take before the read that {@link #remember} will keep. */
    long stampBeforeRead() {
        return stamps.now();
    }

    /** The session as last read, if nothing changed it since. */
    Optional<CoveredSession> current(AgentKey agent) {
        Read read = reads.get(agent);
        if (read == null || !stamps.presenceUnchangedSince(read.stamp())
                || !stamps.unchangedSince(read.stamp(), agent.project(), agent.agent())) {
            return Optional.empty();
        }
        return Optional.of(read.covered());
    }

    /** Keeps what was read after {@code stamp}, if signals are arriving to tell when it changes. */
    void remember(AgentKey agent, CoveredSession covered, long stamp) {
        if (!stamps.trusted()) {
            return;
        }
        if (reads.size() >= MAX_REMEMBERED) {
            reads.clear();
        }
        reads.merge(agent, new Read(covered, stamp), (kept, later) -> later.stamp() >= kept.stamp() ? later : kept);
    }
}
