package io.agentevents.application.port.in.agent;

import io.agentevents.application.port.in.access.Secret;
import io.agentevents.domain.agent.RegisteredAgent;
import java.util.Objects;

/** A new agent and its one-time password: the only time the password is ever shown. */
public record AgentRegistration(RegisteredAgent agent, Secret password) {

    public AgentRegistration {
        Objects.requireNonNull(agent, "agent must not be null");
        Objects.requireNonNull(password, "password must not be null");
    }
}
