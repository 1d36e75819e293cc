package io.agentevents.application.port.in;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;

/** No such agent is registered in the project. */
public final class AgentNotFoundException extends UseCaseException {

    public AgentNotFoundException(ProjectId project, AgentId agent) {
        super("agent " + agent + " not found in project " + project);
    }
}
