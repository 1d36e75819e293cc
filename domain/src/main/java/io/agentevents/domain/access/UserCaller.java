package io.agentevents.domain.access;

import io.agentevents.domain.ProjectId;
import java.util.Objects;

/** A person or program acting for a project with a user token. */
public record UserCaller(ProjectId project, Role role) implements Caller {

    public UserCaller {
        Objects.requireNonNull(project, "project must not be null");
        Objects.requireNonNull(role, "role must not be null");
    }
}
