package io.agentevents.adapter.http;

import io.agentevents.application.port.in.access.AuthenticateAgentUseCase;
import io.agentevents.application.port.in.access.IdentifyCallerUseCase;
import io.agentevents.application.port.in.activation.ActivateAgentUseCase;
import io.agentevents.application.port.in.activation.ActivateAgentsUseCase;
import io.agentevents.application.port.in.agent.DeleteAgentUseCase;
import io.agentevents.application.port.in.agent.GetAgentConfigurationUseCase;
import io.agentevents.application.port.in.agent.GetAgentStatusUseCase;
import io.agentevents.application.port.in.agent.GetAgentUseCase;
import io.agentevents.application.port.in.agent.ListAgentsUseCase;
import io.agentevents.application.port.in.agent.RegisterAgentUseCase;
import io.agentevents.application.port.in.agent.UpdateAgentUseCase;
import io.agentevents.application.port.in.feed.AwaitAgentEventsUseCase;
import io.agentevents.application.port.in.feed.ListAgentEventsUseCase;
import io.agentevents.application.port.in.feed.ListProjectEventsUseCase;
import io.agentevents.application.port.in.feed.StreamProjectEventsUseCase;
import io.agentevents.application.port.in.feed.RecordAgentEventUseCase;
import io.agentevents.application.port.in.idempotency.RunOnceUseCase;
import io.agentevents.application.port.in.operations.CheckReadinessUseCase;
import java.util.Objects;
import java.util.stream.Stream;

/** Every use case the API calls. */
public record ApiUseCases(
        IdentifyCallerUseCase identifyCaller,
        ActivateAgentsUseCase activateAgents,
        ActivateAgentUseCase activateAgent,
        ListProjectEventsUseCase listProjectEvents,
        RegisterAgentUseCase registerAgent,
        AuthenticateAgentUseCase authenticateAgent,
        ListAgentsUseCase listAgents,
        GetAgentUseCase getAgent,
        UpdateAgentUseCase updateAgent,
        DeleteAgentUseCase deleteAgent,
        RecordAgentEventUseCase recordAgentEvent,
        ListAgentEventsUseCase listAgentEvents,
        AwaitAgentEventsUseCase awaitAgentEvents,
        GetAgentStatusUseCase agentStatus,
        GetAgentConfigurationUseCase agentConfiguration,
        RunOnceUseCase runOnce,
        CheckReadinessUseCase checkReadiness,
        AgentRequestUseCases requests,
        StreamProjectEventsUseCase streamProjectEvents) {

    public ApiUseCases {
        Stream.of(identifyCaller, activateAgents, activateAgent, listProjectEvents, registerAgent, authenticateAgent,
                listAgents, getAgent, updateAgent, deleteAgent, recordAgentEvent, listAgentEvents, awaitAgentEvents, agentStatus, agentConfiguration,
                runOnce, checkReadiness, requests, streamProjectEvents).forEach(Objects::requireNonNull);
    }
}
