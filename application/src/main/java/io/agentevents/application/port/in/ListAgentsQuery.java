package io.agentevents.application.port.in;

import io.agentevents.domain.ProjectId;
import io.agentevents.domain.access.Caller;
import java.util.Objects;

/** Lists the agents of a project. */
public record ListAgentsQuery(Caller caller, ProjectId project) {

    public ListAgentsQuery {
        Objects.requireNonNull(caller, "caller must not be null");
        Objects.requireNonNull(project, "project must not be null");
    }
}
