package io.agentevents.application.port.in;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import java.util.Objects;

/** An agent asks for a token with its password, from the host it registered on. */
public record AuthenticateAgentCommand(ProjectId project, AgentId agent, Secret password, String hostFingerprint) {

    public AuthenticateAgentCommand {
        Objects.requireNonNull(project, "project must not be null");
        Objects.requireNonNull(agent, "agent must not be null");
        Objects.requireNonNull(password, "password must not be null");
        Objects.requireNonNull(hostFingerprint, "host.fingerprint must not be null");
    }
}
