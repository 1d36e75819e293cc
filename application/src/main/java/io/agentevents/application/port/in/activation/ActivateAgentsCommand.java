package io.agentevents.application.port.in.activation;

import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.access.Caller;
import io.agentevents.domain.activation.Mode;
import java.util.Objects;

/** Asks every agent of a project, present and future, for a mode. */
public record ActivateAgentsCommand(Caller caller, ProjectId project, Mode mode, RequestId requestId) {

    public ActivateAgentsCommand {
        Objects.requireNonNull(caller, "caller must not be null");
        Objects.requireNonNull(project, "project must not be null");
        Objects.requireNonNull(mode, "mode must not be null");
        Objects.requireNonNull(requestId, "requestId must not be null");
    }
}
