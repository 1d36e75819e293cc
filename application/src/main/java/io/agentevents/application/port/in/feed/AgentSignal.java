package io.agentevents.application.port.in.feed;

/** What an agent may report about itself. */
public enum AgentSignal {
    STARTUP,
    SHUTDOWN,
    HEARTBEAT
}
