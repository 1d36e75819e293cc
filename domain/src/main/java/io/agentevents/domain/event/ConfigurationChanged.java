package io.agentevents.domain.event;

import io.agentevents.domain.AgentId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A client changed the agent's settings; the agent should read its configuration again. */
public record ConfigurationChanged(AgentId agentId, Instant at) implements AgentEvent {

    public ConfigurationChanged {
        Objects.requireNonNull(agentId, "agentId must not be null");
        Objects.requireNonNull(at, "at must not be null");
    }

    @Override
    public Optional<AgentId> agent() {
        return Optional.of(agentId);
    }
}
