package io.agentevents.domain.agent;

/** How much an agent logs, from everything to fatal errors only. */
public enum LogLevel {
    /** Everything, tracing included. */
    ALL,
    /** Step-by-step tracing. */
    TRACE,
    /** Detail for diagnosing a problem. */
    DEBUG,
    /** What the agent does (the default). */
    INFO,
    /** Problems it recovered from. */
    WARN,
    /** Failures of an operation. */
    ERROR,
    /** Only failures that stop the agent. */
    FATAL;

    /** What a newly registered agent logs at. */
    public static final LogLevel DEFAULT = INFO;
}
