package io.agentevents.domain.activation;

/**
 * How often an agent talks to the API. Wire names ({@code idle}, {@code active},
 * {@code real_time}) are mapped by each adapter, not here.
 */
public enum Mode {
    /** The fallback: rare polls, hourly heartbeats, so presence is not reliable. */
    IDLE,
    /** Someone needs the agent soon: polls and heartbeats every second. */
    ACTIVE,
    /** Someone is working with the agent right now: the fastest polling (or long-poll). */
    REAL_TIME
}
