package io.agentevents.domain.event;

import io.agentevents.domain.AgentId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** The agent was seen alive (a heartbeat or a poll); stored at most once per heartbeat interval. */
public record HeartbeatRecorded(AgentId agentId, boolean busy, Instant at) implements AgentEvent {

    public HeartbeatRecorded {
        Objects.requireNonNull(agentId, "agentId must not be null");
        Objects.requireNonNull(at, "at must not be null");
    }

    @Override
    public Optional<AgentId> agent() {
        return Optional.of(agentId);
    }
}
