package io.agentevents.application.memory;

import io.agentevents.application.port.out.AgentFleet;
import io.agentevents.application.port.out.AgentRegistry;
import io.agentevents.application.port.out.AgentSessionRepository;
import io.agentevents.domain.ProjectId;
import java.util.List;

/** The fleet view of the in-memory store: its registry's list, each agent's session looked up beside it. */
public class InMemoryAgentFleet implements AgentFleet {

    private final AgentRegistry registry;
    private final AgentSessionRepository sessions;

    public InMemoryAgentFleet(AgentRegistry registry, AgentSessionRepository sessions) {
        this.registry = registry;
        this.sessions = sessions;
    }

    @Override
    public List<Member> list(ProjectId project) {
        return registry.list(project).stream()
                .map(agent -> new Member(agent, sessions.find(project, agent.id())))
                .toList();
    }
}
