package io.agentevents.application.port.in;

/** What an agent may report about itself. */
public enum AgentSignal {
    STARTUP,
    SHUTDOWN,
    HEARTBEAT
}
