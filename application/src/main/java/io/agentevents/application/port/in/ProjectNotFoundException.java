package io.agentevents.application.port.in;

import io.agentevents.domain.ProjectId;

/** No such project is served here. */
public final class ProjectNotFoundException extends UseCaseException {

    public ProjectNotFoundException(ProjectId project) {
        super("project " + project + " not found");
    }
}
