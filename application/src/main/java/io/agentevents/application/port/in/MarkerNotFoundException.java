package io.agentevents.application.port.in;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;

/** A page's marker names no agent of the project (it may have been deleted since the page before). */
public final class MarkerNotFoundException extends UseCaseException {

    public MarkerNotFoundException(ProjectId project, AgentId marker) {
        super("marker " + marker + " is no agent of project " + project + "; list again without a marker");
    }
}
