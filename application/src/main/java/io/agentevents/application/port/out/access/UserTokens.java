package io.agentevents.application.port.out.access;

import io.agentevents.domain.ProjectId;
import io.agentevents.domain.access.UserCaller;
import java.util.Optional;

/** The user tokens of the deployment (from its tokens file), and so the projects it serves. */
public interface UserTokens {

    /** @return who holds the token; empty if it is unknown */
    Optional<UserCaller> find(TokenHash token);

    /** Whether any token names this project: the deployment serves exactly those projects. */
    boolean hasProject(ProjectId project);
}
