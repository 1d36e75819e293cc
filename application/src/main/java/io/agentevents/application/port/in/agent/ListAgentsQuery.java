package io.agentevents.application.port.in.agent;

import io.agentevents.domain.ProjectId;
import io.agentevents.domain.access.Caller;
import java.util.Objects;
import java.util.Optional;

/**
 * Lists the agents of a project.
 *
 * @param hostMachineId only the agents on the machine with this id; empty: all of them
 */
public record ListAgentsQuery(Caller caller, ProjectId project, Optional<String> hostMachineId) {

    public ListAgentsQuery {
        Objects.requireNonNull(caller, "caller must not be null");
        Objects.requireNonNull(project, "project must not be null");
        Objects.requireNonNull(hostMachineId, "hostMachineId must not be null (use Optional.empty())");
    }

    public ListAgentsQuery(Caller caller, ProjectId project) {
        this(caller, project, Optional.empty());
    }
}
