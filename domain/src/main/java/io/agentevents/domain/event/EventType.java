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
    CONFIGURATION_CHANGED,
    /** A client asked the agent to list the files at a path ({@link AgentRequestEvent}). */
    HOST_BROWSE,
    /** A client asked the agent to verify a vault's password. */
    VAULT_PASSWORD_VERIFY,
    /** A client asked the agent to encrypt its vault. */
    VAULT_ENCRYPTION_ENABLE,
    /** A client asked the agent to change its vault's password. */
    VAULT_ENCRYPTION_CHANGE,
    /** A client asked the agent to upload its log file. */
    LOGFILE_UPLOAD,
    /** The agent answered a browse. */
    HOST_BROWSED,
    /** The agent answered a vault password verification. */
    VAULT_PASSWORD_VERIFIED,
    /** The agent encrypted its vault, or failed to. */
    VAULT_ENCRYPTION_ENABLED,
    /** The agent changed its vault's password, or failed to. */
    VAULT_ENCRYPTION_CHANGED,
    /** The agent began uploading its log file. */
    LOGFILE_STARTED,
    /** The agent has uploaded its log file. */
    LOGFILE_COMPLETED,
    /** The agent came online (a {@link PresenceEvent}); beyond the v2 reference. */
    AGENT_ONLINE,
    /** The agent went offline (a {@link PresenceEvent}); beyond the v2 reference. */
    AGENT_OFFLINE;

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
        } else if (event instanceof PresenceEvent presence) {
            return presence.online() ? AGENT_ONLINE : AGENT_OFFLINE;
        } else if (event instanceof AgentRequestEvent request) {
            return request.type();
        }
        throw new IllegalStateException("unmapped event " + event.getClass().getName());
    }
}
