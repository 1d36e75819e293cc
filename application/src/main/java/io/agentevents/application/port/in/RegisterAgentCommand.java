package io.agentevents.application.port.in;

import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.access.Caller;
import io.agentevents.domain.agent.AgentHost;
import java.util.Objects;

/** Registers a new agent in a project. Name and version are checked when the agent is built. */
public record RegisterAgentCommand(Caller caller, ProjectId project, String name, String version, AgentHost host,
                                   RequestId requestId) {

    public RegisterAgentCommand {
        Objects.requireNonNull(caller, "caller must not be null");
        Objects.requireNonNull(project, "project must not be null");
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(version, "version must not be null");
        Objects.requireNonNull(host, "host must not be null");
        Objects.requireNonNull(requestId, "requestId must not be null");
    }
}
