package io.agentevents.application.port.in.access;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import java.util.Objects;

/**
 * An agent asks for a token with its password, from the host it registered on.
 *
 * @param clientAddress where the request came from, as the network saw it; empty if unknown
 */
public record AuthenticateAgentCommand(ProjectId project, AgentId agent, Secret password, String hostFingerprint,
                                       String clientAddress) {

    public AuthenticateAgentCommand {
        Objects.requireNonNull(project, "project must not be null");
        Objects.requireNonNull(agent, "agent must not be null");
        Objects.requireNonNull(password, "password must not be null");
        Objects.requireNonNull(hostFingerprint, "host.fingerprint must not be null");
        Objects.requireNonNull(clientAddress, "clientAddress must not be null");
    }
}
