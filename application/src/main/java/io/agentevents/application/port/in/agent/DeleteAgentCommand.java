package io.agentevents.application.port.in.agent;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.access.Caller;
import java.util.Objects;

/** Deletes an agent: its registration, session and tokens. */
public record DeleteAgentCommand(Caller caller, ProjectId project, AgentId agent, RequestId requestId) {

    public DeleteAgentCommand {
        Objects.requireNonNull(caller, "caller must not be null");
        Objects.requireNonNull(project, "project must not be null");
        Objects.requireNonNull(agent, "agent must not be null");
        Objects.requireNonNull(requestId, "requestId must not be null");
    }
}
