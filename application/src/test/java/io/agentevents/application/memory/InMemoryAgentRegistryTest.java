package io.agentevents.application.memory;

import io.agentevents.application.port.out.AgentRegistry;
import io.agentevents.application.port.out.AgentRegistryContract;

class InMemoryAgentRegistryTest extends AgentRegistryContract {

    @Override
    protected AgentRegistry registry() {
        return new InMemoryAgentRegistry();
    }
}
