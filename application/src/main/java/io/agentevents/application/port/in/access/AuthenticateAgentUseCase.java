package io.agentevents.application.port.in.access;

import io.agentevents.application.port.in.AgentDisabledException;
import io.agentevents.application.port.in.FingerprintMismatchException;
import io.agentevents.application.port.in.NotAuthenticatedException;
import io.agentevents.application.port.in.ProjectNotFoundException;
import io.agentevents.application.port.in.ServiceBusyException;
import io.agentevents.application.port.in.SignInThrottledException;

/** {@code POST /v2/{p}/agents/tokens}: needs no token, only the agent's password. */
@FunctionalInterface
public interface AuthenticateAgentUseCase {

    /**
     * @throws ProjectNotFoundException     if the project is not served here
     * @throws NotAuthenticatedException    if no such agent is registered in the project, or the
     *                                      password is wrong (the answer does not say which)
     * @throws FingerprintMismatchException if the password is right but the host is another one
     * @throws AgentDisabledException       if the credentials are right but the agent is disabled
     * @throws SignInThrottledException     if the agent or the address failed too often lately
     * @throws ServiceBusyException         if the password's old, slow hash cannot be checked now
     */
    AgentToken authenticate(AuthenticateAgentCommand command);
}
