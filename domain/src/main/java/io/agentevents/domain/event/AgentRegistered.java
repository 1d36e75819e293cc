package io.agentevents.domain.event;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.OperatingSystem;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A new agent was registered; its name and its host's operating system are what the agent reported. */
public record AgentRegistered(AgentId agentId, String name, OperatingSystem os, Instant at) implements AgentEvent {

    public AgentRegistered {
        Objects.requireNonNull(agentId, "agentId must not be null");
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(os, "os must not be null");
        Objects.requireNonNull(at, "at must not be null");
    }

    @Override
    public Optional<AgentId> agent() {
        return Optional.of(agentId);
    }
}
