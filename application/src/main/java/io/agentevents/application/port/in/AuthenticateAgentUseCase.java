package io.agentevents.application.port.in;

/** {@code POST /v2/{p}/agents/tokens}: needs no token, only the agent's password. */
@FunctionalInterface
public interface AuthenticateAgentUseCase {

    /**
     * @throws ProjectNotFoundException     if the project is not served here
     * @throws AgentNotFoundException       if the agent is not registered in the project
     * @throws NotAuthenticatedException    if the password is wrong
     * @throws FingerprintMismatchException if the password is right but the host is another one
     */
    AgentToken authenticate(AuthenticateAgentCommand command);
}
