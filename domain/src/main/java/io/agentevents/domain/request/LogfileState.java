package io.agentevents.domain.request;

/** Where the upload of a log file stands; it only moves forward, in this order. */
public enum LogfileState {
    /** A client asked for it; the agent has not begun. */
    REQUESTED,
    /** The agent is uploading it. */
    STARTED,
    /** The agent has uploaded it. */
    COMPLETED;

    /** Whether {@code next} comes after this state. */
    public boolean precedes(LogfileState next) {
        return next.ordinal() > ordinal();
    }
}
