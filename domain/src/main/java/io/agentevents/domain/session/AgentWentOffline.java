package io.agentevents.domain.session;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.event.PresenceEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The agent, announced online before, has been offline for the hold-down (or announced a
 * shutdown). Beyond the v2 reference.
 *
 * @param at when the flip was decided
 */
public record AgentWentOffline(AgentId agentId, Instant at) implements PresenceEvent {

    public AgentWentOffline {
        Objects.requireNonNull(agentId, "agentId must not be null");
        Objects.requireNonNull(at, "at must not be null");
    }

    @Override
    public Optional<AgentId> agent() {
        return Optional.of(agentId);
    }

    @Override
    public boolean online() {
        return false;
    }
}
