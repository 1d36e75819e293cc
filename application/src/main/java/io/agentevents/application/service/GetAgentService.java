package io.agentevents.application.service;

import io.agentevents.application.port.in.AgentNotFoundException;
import io.agentevents.application.port.in.agent.AgentQuery;
import io.agentevents.application.port.in.agent.GetAgentUseCase;
import io.agentevents.application.port.out.AgentRegistry;
import io.agentevents.domain.agent.RegisteredAgent;

public class GetAgentService implements GetAgentUseCase {

    private final AgentRegistry registry;

    public GetAgentService(AgentRegistry registry) {
        this.registry = registry;
    }

    @Override
    public RegisteredAgent get(AgentQuery query) {
        Access.requireReader(query.caller(), query.project());
        return registry.find(query.project(), query.agent())
                .orElseThrow(() -> new AgentNotFoundException(query.project(), query.agent()));
    }
}
