package io.agentevents.application.service.agent;

import io.agentevents.application.port.in.AgentNotFoundException;
import io.agentevents.application.port.in.agent.AgentConfiguration;
import io.agentevents.application.port.in.agent.AgentQuery;
import io.agentevents.application.port.in.agent.GetAgentConfigurationUseCase;
import io.agentevents.application.port.out.AgentRegistry;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.service.access.Access;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.agent.RegisteredAgent;
import java.util.concurrent.CompletionStage;

public class GetAgentConfigurationService implements GetAgentConfigurationUseCase {

    private final AgentRegistry registry;
    private final Schedules schedules;
    private final StoreCalls calls;

    public GetAgentConfigurationService(AgentRegistry registry, Schedules schedules, StoreCalls calls) {
        this.calls = calls;
        this.registry = registry;
        this.schedules = schedules;
    }

    @Override
    public CompletionStage<AgentConfiguration> configuration(AgentQuery query) {
        return calls.supply(() -> configurationNow(query));
    }

    private AgentConfiguration configurationNow(AgentQuery query) {
        Access.requireReaderOrAgentItself(query.caller(), query.project(), query.agent());
        RegisteredAgent agent = registry.find(query.project(), query.agent())
                .orElseThrow(() -> new AgentNotFoundException(query.project(), query.agent()));
        return new AgentConfiguration(agent, schedules);
    }
}
