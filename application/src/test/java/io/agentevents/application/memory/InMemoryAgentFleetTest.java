package io.agentevents.application.memory;

import io.agentevents.application.port.out.AgentFleetContract;

class InMemoryAgentFleetTest extends AgentFleetContract {

    @Override
    protected Store store() {
        InMemoryProjectActivations activations = new InMemoryProjectActivations();
        InMemoryAgentSessionRepository sessions = new InMemoryAgentSessionRepository(activations);
        InMemoryAgentRegistry registry = new InMemoryAgentRegistry();
        return new Store(new InMemoryAgentFleet(registry, sessions), registry, sessions, activations);
    }
}
