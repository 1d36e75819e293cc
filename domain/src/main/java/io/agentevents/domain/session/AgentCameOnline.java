package io.agentevents.domain.session;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.event.PresenceEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The agent is online again: its first check-in since it was last announced offline, or ever.
 * Beyond the v2 reference; see {@link PresencePolicy#isOfflineFor}
 * for when the flip back to offline is announced.
 *
 * @param at the check-in that showed it
 */
public record AgentCameOnline(AgentId agentId, Instant at) implements PresenceEvent {

    public AgentCameOnline {
        Objects.requireNonNull(agentId, "agentId must not be null");
        Objects.requireNonNull(at, "at must not be null");
    }

    @Override
    public Optional<AgentId> agent() {
        return Optional.of(agentId);
    }

    @Override
    public boolean online() {
        return true;
    }
}
