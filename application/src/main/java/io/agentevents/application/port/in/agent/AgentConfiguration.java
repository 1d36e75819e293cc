package io.agentevents.application.port.in.agent;

import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.agent.RegisteredAgent;
import java.util.Objects;

/**
 * What an agent must know to do its work: its own settings and the schedules of every mode.
 *
 * @param agent     the agent, with its settings (log level, vault network)
 * @param schedules how often to poll and heartbeat in each mode, and how long activations last
 */
public record AgentConfiguration(RegisteredAgent agent, Schedules schedules) {

    public AgentConfiguration {
        Objects.requireNonNull(agent, "agent must not be null");
        Objects.requireNonNull(schedules, "schedules must not be null");
    }
}
