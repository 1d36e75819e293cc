package io.agentevents.domain.event;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.activation.SingleAgent;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A client asked the agents in the activation's scope for a mode. */
public record AgentActivated(Activation activation) implements AgentEvent {

    public AgentActivated {
        Objects.requireNonNull(activation, "activation must not be null");
    }

    @Override
    public Instant at() {
        return activation.at();
    }

    @Override
    public Optional<AgentId> agent() {
        return activation.scope() instanceof SingleAgent single ? Optional.of(single.agent()) : Optional.empty();
    }
}
