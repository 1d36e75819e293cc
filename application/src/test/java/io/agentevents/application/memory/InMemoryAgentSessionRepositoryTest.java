package io.agentevents.application.memory;

import io.agentevents.application.port.out.AgentSessionRepository;
import io.agentevents.application.port.out.AgentSessionRepositoryContract;

class InMemoryAgentSessionRepositoryTest extends AgentSessionRepositoryContract {

    @Override
    protected AgentSessionRepository repository() {
        return new InMemoryAgentSessionRepository();
    }
}
