package io.agentevents.domain.event;

import io.agentevents.domain.AgentId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A new agent was registered; name and host OS are what the agent reported. */
public record AgentRegistered(AgentId agentId, String name, String hostOs, Instant at) implements AgentEvent {

    public AgentRegistered {
        Objects.requireNonNull(agentId, "agentId must not be null");
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(hostOs, "hostOs must not be null");
        Objects.requireNonNull(at, "at must not be null");
    }

    @Override
    public Optional<AgentId> agent() {
        return Optional.of(agentId);
    }
}
