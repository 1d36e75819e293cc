package io.agentevents.application.port.in.access;

import io.agentevents.domain.access.Caller;
import java.util.concurrent.CompletionStage;

/**
 * Tells who holds a token: a user of a project with a role, or an agent. The answer may need a
 * store or the cloud's identity service, so it comes as a stage; one known from memory is
 * already complete.
 */
@FunctionalInterface
public interface IdentifyCallerUseCase {

    /**
     * @return completes with the caller; fails with
     *         {@link io.agentevents.application.port.in.NotAuthenticatedException} if the token is
     *         unknown or expired, {@link io.agentevents.application.port.in.AccessDeniedException}
     *         if it is valid but grants no role here, or with the store's or identity service's
     *         unavailability
     */
    CompletionStage<Caller> identify(Secret token);
}
