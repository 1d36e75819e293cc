package io.agentevents.application.port.out.presence;

import io.agentevents.application.port.out.AgentSessionRepository.AgentKey;
import io.agentevents.application.port.out.AgentSessionRepository.CoveredSession;
import io.agentevents.domain.session.PresencePolicy;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the project feeds last announced of each agent's presence ({@code agent_online} or
 * {@code agent_offline}), shared by every node of a store. Each change is a compare-and-set in the
 * caller's transaction, so of two nodes that see the same flip only one announces it, and an
 * agent's announcements alternate.
 */
public interface AnnouncedPresence {

    /**
     * Marks these agents announced online, in the caller's transaction, after their check-ins were
     * written in it. Agents without a session are skipped.
     *
     * @return those that were not announced online (never announced, or announced offline last):
     *         the ones whose flip is to be announced
     */
    Set<AgentKey> markOnline(Collection<AgentKey> agents);

    /**
     * Marks the agent announced offline, in the caller's transaction, if it is announced online
     * and its last check-in is still {@code lastCheckIn}: a check-in written since then means it
     * is back, and nothing changes.
     *
     * @return whether it changed: the flip to announce
     */
    boolean markOffline(AgentKey agent, Optional<Instant> lastCheckIn);

    /**
     * Sessions of agents announced online that {@code policy} may find offline at {@code now}:
     * every one that is, perhaps some that are not, longest unseen first, at most {@code limit}.
     */
    List<CoveredSession> mayBeOffline(PresencePolicy policy, Instant now, int limit);

    /**
     * Runs {@code work}, which marks announcements and appends the events that announce them, as
     * one step with respect to other such work: so the feed's order of an agent's announcements
     * is the order of its marks. A database's row locks do that within the transaction; a store
     * without them takes a lock.
     */
    <T> T exclusively(Supplier<T> work);
}
