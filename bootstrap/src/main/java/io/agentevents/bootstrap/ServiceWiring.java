package io.agentevents.bootstrap;

import io.agentevents.adapter.http.ApiUseCases;
import io.agentevents.application.memory.InMemoryUserTokens;
import io.agentevents.application.memory.RandomAgentIds;
import io.agentevents.application.memory.SecureRandomSecrets;
import io.agentevents.application.port.out.AgentRegistry;
import io.agentevents.application.port.out.AgentSessionRepository;
import io.agentevents.application.port.out.AgentTokens;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.IdempotencyRecords;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.port.out.Transactions;
import io.agentevents.application.service.ActivateAgentService;
import io.agentevents.application.service.ActivateAgentsService;
import io.agentevents.application.service.AuthenticateAgentService;
import io.agentevents.application.service.CheckReadinessService;
import io.agentevents.application.service.ClaimIdempotencyKeyService;
import io.agentevents.application.service.DeleteAgentService;
import io.agentevents.application.service.FeedStamps;
import io.agentevents.application.service.FinishIdempotentRequestService;
import io.agentevents.application.service.GetAgentConfigurationService;
import io.agentevents.application.service.GetAgentService;
import io.agentevents.application.service.GetAgentStatusService;
import io.agentevents.application.service.IdentifyCallerService;
import io.agentevents.application.service.ListAgentEventsService;
import io.agentevents.application.service.ListAgentsService;
import io.agentevents.application.service.ListProjectEventsService;
import io.agentevents.application.service.PresenceBuffer;
import io.agentevents.application.service.RecordAgentEventService;
import io.agentevents.application.service.RegisterAgentService;
import io.agentevents.application.service.RememberedIdentities;
import io.agentevents.application.service.SecretHashing;
import io.agentevents.application.service.UpdateAgentService;
import io.agentevents.application.service.WatchAgentEventsService;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.session.PresencePolicy;
import java.time.Clock;
import java.util.Optional;

/** Every use case the API serves, each service on the ports of the chosen store. */
final class ServiceWiring {

    private ServiceWiring() {
    }

    static ApiUseCases useCases(Stores stores, AppConfig config, InMemoryUserTokens userTokens, PresenceBuffer presence,
                                FeedStamps stamps, Clock clock, StoreCalls storeCalls,
                                Optional<RememberedIdentities> identities) {
        Schedules schedules = config.schedules();
        EventLog eventLog = stores.eventLog();
        AgentSessionRepository sessions = stores.sessions();
        AgentRegistry registry = stores.registry();
        AgentTokens agentTokens = stores.agentTokens();
        IdempotencyRecords idempotencyRecords = stores.idempotencyRecords();
        Transactions transactions = stores.transactions();
        SecureRandomSecrets secrets = new SecureRandomSecrets();
        SecretHashing hashing = SecretHashing.forThisMachine();
        return new ApiUseCases(
                new IdentifyCallerService(userTokens, agentTokens, storeCalls, clock, stamps, identities),
                new ActivateAgentsService(sessions, eventLog, transactions, schedules, clock),
                new ActivateAgentService(sessions, eventLog, transactions, schedules, clock),
                new ListProjectEventsService(eventLog),
                new RegisterAgentService(registry, sessions, eventLog, transactions, new RandomAgentIds(), secrets,
                        hashing, clock),
                new AuthenticateAgentService(userTokens, registry, agentTokens, secrets, hashing,
                        config.agentTokenLifetime(), clock),
                new ListAgentsService(registry),
                new GetAgentService(registry),
                new UpdateAgentService(registry, agentTokens, eventLog, transactions, clock),
                new DeleteAgentService(registry, sessions, agentTokens, eventLog, transactions, clock),
                new RecordAgentEventService(sessions, eventLog, transactions, presence, schedules, clock),
                new ListAgentEventsService(sessions, eventLog, presence, schedules, clock, stamps),
                new WatchAgentEventsService(stores.signals()),
                new GetAgentStatusService(sessions, PresencePolicy.of(schedules), clock),
                new GetAgentConfigurationService(registry, schedules),
                new ClaimIdempotencyKeyService(idempotencyRecords, clock),
                new FinishIdempotentRequestService(idempotencyRecords),
                new CheckReadinessService(stores.probe(), storeCalls, identities));
    }
}
