package io.agentevents.application.port.in.feed;

import io.agentevents.domain.ProjectId;
import io.agentevents.domain.access.Caller;
import io.agentevents.domain.event.EventPageRequest;
import java.util.Objects;

/** Reads a page of a project's event log. */
public record ListProjectEventsQuery(Caller caller, ProjectId project, EventPageRequest page) {

    public ListProjectEventsQuery {
        Objects.requireNonNull(caller, "caller must not be null");
        Objects.requireNonNull(project, "project must not be null");
        Objects.requireNonNull(page, "page must not be null");
    }
}
