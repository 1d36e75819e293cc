package io.agentevents.application.port.in.activation;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.access.Caller;
import io.agentevents.domain.activation.Mode;
import java.util.Objects;

/** Asks one agent for a mode. */
public record ActivateAgentCommand(Caller caller, ProjectId project, AgentId agent, Mode mode, RequestId requestId) {

    public ActivateAgentCommand {
        Objects.requireNonNull(caller, "caller must not be null");
        Objects.requireNonNull(project, "project must not be null");
        Objects.requireNonNull(agent, "agent must not be null");
        Objects.requireNonNull(mode, "mode must not be null");
        Objects.requireNonNull(requestId, "requestId must not be null");
    }
}
