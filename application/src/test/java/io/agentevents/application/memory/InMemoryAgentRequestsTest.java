package io.agentevents.application.memory;

import io.agentevents.application.port.out.AgentRequests;
import io.agentevents.application.port.out.AgentRequestsContract;

class InMemoryAgentRequestsTest extends AgentRequestsContract {

    @Override
    protected AgentRequests agentRequests() {
        return new InMemoryAgentRequests();
    }
}
