package io.agentevents.application.service.agent;

import io.agentevents.application.port.in.AgentNotFoundException;
import io.agentevents.application.port.in.agent.AgentQuery;
import io.agentevents.application.port.in.agent.GetAgentUseCase;
import io.agentevents.application.port.out.AgentRegistry;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.service.access.Access;
import io.agentevents.domain.agent.RegisteredAgent;
import java.util.concurrent.CompletionStage;

public class GetAgentService implements GetAgentUseCase {

    private final AgentRegistry registry;
    private final StoreCalls calls;

    public GetAgentService(AgentRegistry registry, StoreCalls calls) {
        this.calls = calls;
        this.registry = registry;
    }

    @Override
    public CompletionStage<RegisteredAgent> get(AgentQuery query) {
        return calls.supply(() -> getNow(query));
    }

    private RegisteredAgent getNow(AgentQuery query) {
        Access.requireReader(query.caller(), query.project());
        return registry.find(query.project(), query.agent())
                .orElseThrow(() -> new AgentNotFoundException(query.project(), query.agent()));
    }
}
