package io.agentevents.application.port.in.access;

import io.agentevents.application.port.in.AgentDisabledException;
import io.agentevents.application.port.in.FingerprintMismatchException;
import io.agentevents.application.port.in.NotAuthenticatedException;
import io.agentevents.application.port.in.ProjectNotFoundException;
import io.agentevents.application.port.in.ServiceBusyException;
import io.agentevents.application.port.in.SignInThrottledException;
import java.util.concurrent.CompletionStage;

/** {@code POST /v2/{p}/agents/tokens}: needs no token, only the agent's password. */
@FunctionalInterface
public interface AuthenticateAgentUseCase {

    /**
     * @return completes with the answer; fails (never throws) with
     *         {@link ProjectNotFoundException} if the project is not served here,
     *         {@link NotAuthenticatedException} if no such agent is registered in the project, or the password is wrong (the answer does not say which),
     *         {@link FingerprintMismatchException} if the password is right but the host is another one,
     *         {@link AgentDisabledException} if the credentials are right but the agent is disabled,
     *         {@link SignInThrottledException} if the agent or the address failed too often lately,
     *         {@link ServiceBusyException} if the password's old, slow hash cannot be checked now
     */
    CompletionStage<AgentToken> authenticate(AuthenticateAgentCommand command);
}
