package io.agentevents.bootstrap.config;

import io.agentevents.application.port.in.access.Secret;
import io.agentevents.application.port.out.access.TokenHash;
import io.agentevents.application.service.access.SecretHashing;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.access.Role;
import java.util.Objects;

/** One line of the tokens file: the SHA-256 of a user token, its project and role. */
public record UserToken(TokenHash tokenHash, ProjectId project, Role role) {

    public UserToken {
        Objects.requireNonNull(tokenHash, "tokenHash must not be null");
        Objects.requireNonNull(project, "project must not be null");
        Objects.requireNonNull(role, "role must not be null");
    }

    /** A token known in plain text (the generated demo token, tests); only its hash is kept. */
    public UserToken(Secret token, ProjectId project, Role role) {
        this(SecretHashing.hashToken(token), project, role);
    }
}
