package io.agentevents.application.port.in.access;

import io.agentevents.application.port.in.NotAuthenticatedException;
import io.agentevents.domain.access.Caller;
import java.util.Optional;

/** Tells who holds a token: a user of a project with a role, or an agent. */
@FunctionalInterface
public interface IdentifyCallerUseCase {

    /** @throws NotAuthenticatedException if the token is unknown or expired */
    Caller identify(Secret token);

    /**
     * {@link #identify} from what this node holds in memory, without reading a store that may
     * block: empty when it would have to read.
     *
     * @throws NotAuthenticatedException if the token is known to have expired
     */
    default Optional<Caller> identifyIfKnown(Secret token) {
        return Optional.empty();
    }
}
