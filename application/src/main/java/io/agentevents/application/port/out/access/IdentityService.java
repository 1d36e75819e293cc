package io.agentevents.application.port.out.access;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The cloud's identity service, which issues the user tokens of its projects and knows their
 * roles. Its calls go over the network: they complete later and never hold the caller's thread.
 */
public interface IdentityService {

    /**
     * Asks the identity service what a user token grants.
     *
     * @param userToken the token as the client sent it; a secret, never logged or kept
     * @return completes with the grant; empty if the identity service does not know the token
     *         (malformed, expired or revoked). Fails with {@link IdentityUnavailableException}
     *         when the identity service cannot answer in time.
     */
    CompletionStage<Optional<IdentityGrant>> validate(String userToken);

    /** Completes with whether the identity service answers now; never fails. */
    CompletionStage<Boolean> reachable();
}
