package io.agentevents.application.port.in.agent;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.access.Caller;
import java.util.Objects;

/** A read about one agent: its registration, status or configuration. */
public record AgentQuery(Caller caller, ProjectId project, AgentId agent) {

    public AgentQuery {
        Objects.requireNonNull(caller, "caller must not be null");
        Objects.requireNonNull(project, "project must not be null");
        Objects.requireNonNull(agent, "agent must not be null");
    }
}
