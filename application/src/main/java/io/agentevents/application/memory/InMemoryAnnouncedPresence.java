package io.agentevents.application.memory;

import io.agentevents.application.port.out.AgentSessionRepository.AgentKey;
import io.agentevents.application.port.out.AgentSessionRepository.CoveredSession;
import io.agentevents.application.port.out.presence.AnnouncedPresence;
import io.agentevents.domain.session.PresencePolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Announced presence in memory, beside the sessions it reads. One lock orders every mark and the
 * appends that go with it ({@link #exclusively}); announcements are rare, so it is never hot.
 */
public class InMemoryAnnouncedPresence implements AnnouncedPresence {

    private static final Comparator<CoveredSession> LONGEST_UNSEEN_FIRST = Comparator.comparing(
            covered -> covered.session().lastCheckInAt().orElse(Instant.MIN));

    private final InMemoryAgentSessionRepository sessions;
    /** True: announced online; false: announced offline; absent: never announced. */
    private final Map<AgentKey, Boolean> announced = new ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();

    public InMemoryAnnouncedPresence(InMemoryAgentSessionRepository sessions) {
        this.sessions = sessions;
    }

    @Override
    public Set<AgentKey> markOnline(Collection<AgentKey> agents) {
        return exclusively(() -> {
            Set<AgentKey> flipped = new HashSet<>();
            for (AgentKey agent : agents) {
                if (!Boolean.TRUE.equals(announced.get(agent)) && session(agent).isPresent()) {
                    announced.put(agent, true);
                    flipped.add(agent);
                }
            }
            return flipped;
        });
    }

    @Override
    public boolean markOffline(AgentKey agent, Optional<Instant> lastCheckIn) {
        return exclusively(() -> {
            boolean unchanged = session(agent)
                    .map(covered -> covered.session().lastCheckInAt().equals(lastCheckIn)).orElse(false);
            if (!Boolean.TRUE.equals(announced.get(agent)) || !unchanged) {
                return false;
            }
            announced.put(agent, false);
            return true;
        });
    }

    @Override
    public List<CoveredSession> mayBeOffline(PresencePolicy policy, Instant now, int limit) {
        List<CoveredSession> offline = new ArrayList<>();
        announced.forEach((agent, online) -> {
            if (!online) {
                return;
            }
            Optional<CoveredSession> covered = session(agent);
            if (covered.isEmpty()) {
                announced.remove(agent, true); // a deleted agent's announcement goes with it
            } else if (!policy.isOnline(covered.get().session(), covered.get().projectActivation(), now)) {
                offline.add(covered.get());
            }
        });
        offline.sort(LONGEST_UNSEEN_FIRST);
        return offline.size() > limit ? List.copyOf(offline.subList(0, limit)) : offline;
    }

    @Override
    public <T> T exclusively(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private Optional<CoveredSession> session(AgentKey agent) {
        return sessions.find(agent.project(), agent.agent());
    }
}
