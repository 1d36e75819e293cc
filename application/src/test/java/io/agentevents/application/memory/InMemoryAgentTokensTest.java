package io.agentevents.application.memory;

import io.agentevents.application.port.out.access.AgentTokens;
import io.agentevents.application.port.out.AgentTokensContract;

class InMemoryAgentTokensTest extends AgentTokensContract {

    @Override
    protected AgentTokens agentTokens() {
        return new InMemoryAgentTokens();
    }
}
