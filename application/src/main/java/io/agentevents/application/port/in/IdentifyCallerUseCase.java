package io.agentevents.application.port.in;

import io.agentevents.domain.access.Caller;

/** Tells who holds a token: a user of a project with a role, or an agent. */
@FunctionalInterface
public interface IdentifyCallerUseCase {

    /** @throws NotAuthenticatedException if the token is unknown or expired */
    Caller identify(Secret token);
}
