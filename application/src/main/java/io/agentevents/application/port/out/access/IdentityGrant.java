package io.agentevents.application.port.out.access;

import io.agentevents.domain.ProjectId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the identity service says a user token grants.
 *
 * @param project   the project the token is scoped to; empty for a token scoped to no project
 *                  (or to one whose id this API could not name)
 * @param roleNames the names of its roles, as the identity service spells them
 * @param expiresAt when the identity service stops honouring it
 */
public record IdentityGrant(Optional<ProjectId> project, Set<String> roleNames, Instant expiresAt) {

    public IdentityGrant {
        Objects.requireNonNull(project, "project must not be null");
        roleNames = Set.copyOf(roleNames);
        Objects.requireNonNull(expiresAt, "expiresAt must not be null");
    }
}
