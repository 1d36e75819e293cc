package io.agentevents.domain.event;

/** The order of a page of events by id. */
public enum SortDirection {
    ASC,
    DESC
}
