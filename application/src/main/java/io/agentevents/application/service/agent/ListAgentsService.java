package io.agentevents.application.service.agent;

import io.agentevents.application.port.in.agent.ListAgentsQuery;
import io.agentevents.application.port.in.agent.ListAgentsUseCase;
import io.agentevents.application.port.out.AgentRegistry;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.service.access.Access;
import io.agentevents.domain.agent.RegisteredAgent;
import java.util.List;
import java.util.concurrent.CompletionStage;

public class ListAgentsService implements ListAgentsUseCase {

    private final AgentRegistry registry;
    private final StoreCalls calls;

    public ListAgentsService(AgentRegistry registry, StoreCalls calls) {
        this.calls = calls;
        this.registry = registry;
    }

    @Override
    public CompletionStage<List<RegisteredAgent>> list(ListAgentsQuery query) {
        return calls.supply(() -> listNow(query));
    }

    private List<RegisteredAgent> listNow(ListAgentsQuery query) {
        Access.requireReader(query.caller(), query.project());
        List<RegisteredAgent> agents = registry.list(query.project());
        return query.hostMachineId()
                .map(machine -> agents.stream().filter(agent -> agent.host().machineId().equals(machine)).toList())
                .orElse(agents);
    }
}
