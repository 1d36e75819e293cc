package io.agentevents.application.port.in.access;

import io.agentevents.application.port.in.AgentDisabledException;
import io.agentevents.application.port.in.FingerprintMismatchException;
import io.agentevents.application.port.in.NotAuthenticatedException;
import io.agentevents.application.port.in.ProjectNotFoundException;
import io.agentevents.application.port.in.ServiceBusyException;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /v2/{p}/agents/tokens}: needs no token, only the agent's password. The right
 * password (and fingerprint) always signs in, whatever wrong attempts came before it.
 */
@FunctionalInterface
public interface AuthenticateAgentUseCase {

    /**
     * @return completes with the answer; fails (never throws) with
     *         {@link ProjectNotFoundException} if the project is not served here,
     *         {@link NotAuthenticatedException} if no such agent is registered in the project, or the password is wrong
     *         (the answer does not say which; after repeated failures it says when to answer, later each time),
     *         {@link FingerprintMismatchException} if the password is right but the host is another one,
     *         {@link AgentDisabledException} if the credentials are right but the agent is disabled,
     *         {@link ServiceBusyException} if the password's old, slow hash cannot be checked now
     */
    CompletionStage<AgentToken> authenticate(AuthenticateAgentCommand command);
}
