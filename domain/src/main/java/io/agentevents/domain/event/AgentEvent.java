package io.agentevents.domain.event;

import io.agentevents.domain.AgentId;
import java.time.Instant;
import java.util.Optional;

/** Something that happened to the agents of a project, as written to its event log. */
public sealed interface AgentEvent
        permits AgentActivated, AgentRegistered, HeartbeatRecorded, AgentStartedUp, AgentShutDown, AgentDeleted,
        ConfigurationChanged, AgentRequestEvent, PresenceEvent {

    /** When it happened. */
    Instant at();

    /** The agent it is about; empty for an activation of the whole project. */
    Optional<AgentId> agent();

    /** Its type, for adapters that store or send it. */
    default EventType type() {
        return EventType.of(this);
    }
}
