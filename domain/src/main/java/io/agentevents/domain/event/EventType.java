package io.agentevents.domain.event;

/** The kinds of {@link AgentEvent}; adapters map them to their wire and column names. */
public enum EventType {
    AGENT_ACTIVATE,
    AGENT_REGISTERED,
    AGENT_HEARTBEAT,
    AGENT_STARTUP,
    AGENT_SHUTDOWN,
    AGENT_DELETED,
    CONFIGURATION_CHANGED;

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
