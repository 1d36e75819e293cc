package io.agentevents.application.port.in;

import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.access.Caller;
import io.agentevents.domain.agent.AgentHost;
import io.agentevents.domain.agent.TextFields;
import java.util.Objects;

/** Registers a new agent in a project. */
public record RegisterAgentCommand(Caller caller, ProjectId project, String name, String version, AgentHost host,
                                   RequestId requestId) {

    public RegisterAgentCommand {
        Objects.requireNonNull(caller, "caller must not be null");
        Objects.requireNonNull(project, "project must not be null");
        TextFields.requireText(name, "name");
        TextFields.requireText(version, "version");
        Objects.requireNonNull(host, "host must not be null");
        Objects.requireNonNull(requestId, "requestId must not be null");
    }
}
