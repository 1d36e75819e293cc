package io.agentevents.domain.event;

/** The kinds of {@link AgentEvent}; adapters map them to their wire and column names. */
public enum EventType {
    /** A client asked for a mode ({@link AgentActivated}). */
    AGENT_ACTIVATE,
    /** A new agent ({@link AgentRegistered}). */
    AGENT_REGISTERED,
    /** The agent was seen alive ({@link HeartbeatRecorded}). */
    AGENT_HEARTBEAT,
    /** The agent started ({@link AgentStartedUp}). */
    AGENT_STARTUP,
    /** The agent is shutting down ({@link AgentShutDown}). */
    AGENT_SHUTDOWN,
    /** The agent was deleted ({@link AgentDeleted}). */
    AGENT_DELETED,
    /** Its settings changed ({@link ConfigurationChanged}). */
    CONFIGURATION_CHANGED;

    /** The type of {@code event}; every event has one. */
    public static EventType of(AgentEvent event) {
        if (event instanceof AgentActivated) {
            return AGENT_ACTIVATE;
        } else if (event instanceof AgentRegistered) {
            return AGENT_REGISTERED;
        } else if (event instanceof HeartbeatRecorded) {
            return AGENT_HEARTBEAT;
        } else if (event instanceof AgentStartedUp) {
            return AGENT_STARTUP;
        } else if (event instanceof AgentShutDown) {
            return AGENT_SHUTDOWN;
        } else if (event instanceof AgentDeleted) {
            return AGENT_DELETED;
        } else if (event instanceof ConfigurationChanged) {
            return CONFIGURATION_CHANGED;
        }
        throw new IllegalStateException("unmapped event " + event.getClass().getName());
    }
}
