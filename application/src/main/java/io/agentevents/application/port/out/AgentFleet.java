package io.agentevents.application.port.out;

import io.agentevents.application.port.out.AgentSessionRepository.CoveredSession;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.agent.RegisteredAgent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A project's registered agents, each with its session and the project's activation, read
 * together for the fleet view: one query on a database, however many agents the project has.
 */
public interface AgentFleet {

    /**
     * An agent as registered, with its session as {@link AgentSessionRepository#find} reads it.
     *
     * @param session empty if the agent has none stored (a registration still being written)
     */
    record Member(RegisteredAgent agent, Optional<CoveredSession> session) {

        public Member {
            Objects.requireNonNull(agent, "agent must not be null");
            Objects.requireNonNull(session, "session must not be null");
        }
    }

    /** @return the project's agents, oldest registration first, as {@link AgentRegistry#list} orders them */
    List<Member> list(ProjectId project);
}
