package io.agentevents.domain.agent;

/** How much an agent logs, from everything to fatal errors only. */
public enum LogLevel {
    ALL,
    TRACE,
    DEBUG,
    INFO,
    WARN,
    ERROR,
    FATAL;

    /** What a newly registered agent logs at. */
    public static final LogLevel DEFAULT = INFO;
}
