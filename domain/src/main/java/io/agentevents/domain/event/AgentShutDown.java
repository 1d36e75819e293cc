package io.agentevents.domain.event;

import io.agentevents.domain.AgentId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The agent announced that it is shutting down; it counts as offline until it checks in again. */
public record AgentShutDown(AgentId agentId, Instant at) implements AgentEvent {

    public AgentShutDown {
        Objects.requireNonNull(agentId, "agentId must not be null");
        Objects.requireNonNull(at, "at must not be null");
    }

    @Override
    public Optional<AgentId> agent() {
        return Optional.of(agentId);
    }
}
