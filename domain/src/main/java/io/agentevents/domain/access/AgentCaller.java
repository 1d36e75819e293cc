package io.agentevents.domain.access;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import java.util.Objects;

/** A backup agent acting for itself with the token it obtained with its password. */
public record AgentCaller(ProjectId project, AgentId agent) implements Caller {

    public AgentCaller {
        Objects.requireNonNull(project, "project must not be null");
        Objects.requireNonNull(agent, "agent must not be null");
    }
}
