package io.agentevents.application.service;

import io.agentevents.application.port.in.agent.ListAgentsQuery;
import io.agentevents.application.port.in.agent.ListAgentsUseCase;
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
        List<RegisteredAgent> agents = registry.list(query.project());
        return query.hostMachineId()
                .map(machine -> agents.stream().filter(agent -> agent.host().machineId().equals(machine)).toList())
                .orElse(agents);
    }
}
