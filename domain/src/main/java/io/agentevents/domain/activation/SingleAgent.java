package io.agentevents.domain.activation;

import io.agentevents.domain.AgentId;
import java.util.Objects;

/** Covers one agent only. */
public record SingleAgent(AgentId agent) implements ActivationScope {

    public SingleAgent {
        Objects.requireNonNull(agent, "agent must not be null");
    }
}
