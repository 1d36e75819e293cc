package io.agentevents.application.memory;

import io.agentevents.application.port.out.AgentSessionRepository;
import io.agentevents.application.port.out.AgentSessionRepositoryContract;
import io.agentevents.application.port.out.ProjectActivations;

class InMemoryAgentSessionRepositoryTest extends AgentSessionRepositoryContract {

    private InMemoryProjectActivations projectActivations;

    @Override
    protected AgentSessionRepository repository() {
        projectActivations = new InMemoryProjectActivations();
        return new InMemoryAgentSessionRepository(projectActivations);
    }

    @Override
    protected ProjectActivations projectActivations() {
        return projectActivations;
    }
}
