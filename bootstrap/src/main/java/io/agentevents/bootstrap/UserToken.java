package io.agentevents.bootstrap;

import io.agentevents.application.port.in.Secret;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.access.Role;
import java.util.Objects;

/** One line of the tokens file: a user token, its project and role. Never printed. */
public record UserToken(Secret token, ProjectId project, Role role) {

    public UserToken {
        Objects.requireNonNull(token, "token must not be null");
        Objects.requireNonNull(project, "project must not be null");
        Objects.requireNonNull(role, "role must not be null");
    }
}
