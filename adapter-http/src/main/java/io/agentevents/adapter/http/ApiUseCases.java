package io.agentevents.adapter.http;

import io.agentevents.application.port.in.ActivateAgentUseCase;
import io.agentevents.application.port.in.ActivateAgentsUseCase;
import io.agentevents.application.port.in.AuthenticateAgentUseCase;
import io.agentevents.application.port.in.CheckReadinessUseCase;
import io.agentevents.application.port.in.ClaimIdempotencyKeyUseCase;
import io.agentevents.application.port.in.DeleteAgentUseCase;
import io.agentevents.application.port.in.FinishIdempotentRequestUseCase;
import io.agentevents.application.port.in.GetAgentConfigurationUseCase;
import io.agentevents.application.port.in.GetAgentStatusUseCase;
import io.agentevents.application.port.in.GetAgentUseCase;
import io.agentevents.application.port.in.IdentifyCallerUseCase;
import io.agentevents.application.port.in.ListAgentEventsUseCase;
import io.agentevents.application.port.in.ListAgentsUseCase;
import io.agentevents.application.port.in.ListProjectEventsUseCase;
import io.agentevents.application.port.in.RecordAgentEventUseCase;
import io.agentevents.application.port.in.RegisterAgentUseCase;
import io.agentevents.application.port.in.UpdateAgentUseCase;
import io.agentevents.application.port.in.WatchAgentEventsUseCase;
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
        WatchAgentEventsUseCase watchAgentEvents,
        GetAgentStatusUseCase agentStatus,
        GetAgentConfigurationUseCase agentConfiguration,
        ClaimIdempotencyKeyUseCase claimIdempotencyKey,
        FinishIdempotentRequestUseCase finishIdempotentRequest,
        CheckReadinessUseCase checkReadiness) {

    public ApiUseCases {
        Stream.of(identifyCaller, activateAgents, activateAgent, listProjectEvents, registerAgent, authenticateAgent,
                listAgents, getAgent, updateAgent, deleteAgent, recordAgentEvent, listAgentEvents, watchAgentEvents, agentStatus, agentConfiguration,
                claimIdempotencyKey, finishIdempotentRequest, checkReadiness).forEach(Objects::requireNonNull);
    }
}
