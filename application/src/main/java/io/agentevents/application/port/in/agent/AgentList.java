package io.agentevents.application.port.in.agent;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.agent.RegisteredAgent;
import io.agentevents.domain.session.AgentStatus;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A page of a project's agents.
 *
 * @param agents the agents, oldest registration first
 * @param next   the marker of the next page (the last agent of this one) if more agents match
 */
public record AgentList(List<Listed> agents, Optional<AgentId> next) {

    /** An agent as registered, and its status when the list was read. */
    public record Listed(RegisteredAgent agent, AgentStatus status) {

        public Listed {
            Objects.requireNonNull(agent, "agent must not be null");
            Objects.requireNonNull(status, "status must not be null");
        }
    }

    public AgentList {
        agents = List.copyOf(agents);
        Objects.requireNonNull(next, "next must not be null (use Optional.empty())");
    }

    /** The agents as registered, without their statuses. */
    public List<RegisteredAgent> registered() {
        return agents.stream().map(Listed::agent).toList();
    }
}
