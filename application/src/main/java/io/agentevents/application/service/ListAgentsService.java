package io.agentevents.application.service;

import io.agentevents.application.port.in.ListAgentsQuery;
import io.agentevents.application.port.in.ListAgentsUseCase;
import io.agentevents.application.port.out.AgentRegistry;
import io.agentevents.domain.agent.RegisteredAgent;
import java.util.List;

public class ListAgentsService implements ListAgentsUseCase {

    private final AgentRegistry registry;

    public ListAgentsService(AgentRegistry registry) {
        this.registry = registry;
    }

    @Override
    public List<RegisteredAgent> list(ListAgentsQuery query) {
        Access.requireReader(query.caller(), query.project());
        return registry.list(query.project());
    }
}
