package io.agentevents.application.port.in.feed;

import io.agentevents.domain.ProjectId;
import io.agentevents.domain.access.Caller;
import io.agentevents.domain.event.EventId;
import java.util.Objects;
import java.util.Optional;

/**
 * Follows a project's event log as it grows.
 *
 * @param after the last event the reader has (a reconnecting reader's marker); empty: only the
 *              events stored from now on
 */
public record StreamProjectEventsQuery(Caller caller, ProjectId project, Optional<EventId> after) {

    public StreamProjectEventsQuery {
        Objects.requireNonNull(caller, "caller must not be null");
        Objects.requireNonNull(project, "project must not be null");
        Objects.requireNonNull(after, "after must not be null (use Optional.empty())");
    }
}
