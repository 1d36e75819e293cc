package io.agentevents.domain.event;

import io.agentevents.domain.AgentId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The agent was deleted; it will never be seen again. */
public record AgentDeleted(AgentId agentId, Instant at) implements AgentEvent {

    public AgentDeleted {
        Objects.requireNonNull(agentId, "agentId must not be null");
        Objects.requireNonNull(at, "at must not be null");
    }

    @Override
    public Optional<AgentId> agent() {
        return Optional.of(agentId);
    }
}
