package io.agentevents.application.port.in.agent;

import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.TextFields;
import io.agentevents.domain.access.Caller;
import io.agentevents.domain.agent.AgentHost;
import io.agentevents.domain.agent.RsaPublicKey;
import java.util.Objects;
import java.util.Optional;

/**
 * Registers a new agent in a project.
 *
 * @param vaultUsesInternal what the agent asked for; empty: its host's flavor decides
 */
public record RegisterAgentCommand(Caller caller, ProjectId project, String name, String version, AgentHost host,
                                   RsaPublicKey publicKey, Optional<Boolean> vaultUsesInternal, RequestId requestId) {

    public RegisterAgentCommand {
        Objects.requireNonNull(caller, "caller must not be null");
        Objects.requireNonNull(project, "project must not be null");
        TextFields.requireText(name, "name");
        TextFields.requireText(version, "version");
        Objects.requireNonNull(host, "host must not be null");
        Objects.requireNonNull(publicKey, "rsa_public_key must not be null");
        Objects.requireNonNull(vaultUsesInternal, "vaultUsesInternal must not be null (use Optional.empty())");
        Objects.requireNonNull(requestId, "requestId must not be null");
    }
}
