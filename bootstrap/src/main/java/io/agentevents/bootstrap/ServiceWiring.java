package io.agentevents.bootstrap;

import io.agentevents.bootstrap.logging.LoggedSignInAlarms;
import io.agentevents.adapter.http.AgentRequestUseCases;
import io.agentevents.adapter.http.ApiUseCases;
import io.agentevents.application.memory.InMemoryUserTokens;
import io.agentevents.application.memory.RandomAgentIds;
import io.agentevents.application.memory.SecureRandomSecrets;
import io.agentevents.application.port.in.feed.ListAgentEventsUseCase;
import io.agentevents.application.port.out.AgentRegistry;
import io.agentevents.application.port.out.AgentSessionRepository;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.IdempotencyRecords;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.port.out.Transactions;
import io.agentevents.application.port.out.access.AgentTokens;
import io.agentevents.application.service.FeedStamps;
import io.agentevents.application.service.PresenceBuffer;
import io.agentevents.application.service.access.AuthenticateAgentService;
import io.agentevents.application.service.access.IdentifyCallerService;
import io.agentevents.application.service.access.RememberedIdentities;
import io.agentevents.application.service.access.SecretHashing;
import io.agentevents.application.service.activation.ActivateAgentService;
import io.agentevents.application.service.activation.ActivateAgentsService;
import io.agentevents.application.service.agent.DeleteAgentService;
import io.agentevents.application.service.agent.GetAgentConfigurationService;
import io.agentevents.application.service.agent.GetAgentService;
import io.agentevents.application.service.agent.GetAgentStatusService;
import io.agentevents.application.service.agent.ListAgentsService;
import io.agentevents.application.service.agent.RegisterAgentService;
import io.agentevents.application.service.agent.UpdateAgentService;
import io.agentevents.application.service.feed.AwaitAgentEventsService;
import io.agentevents.application.service.feed.FeedWatchers;
import io.agentevents.application.service.logfile.DeleteLogfileService;
import io.agentevents.application.service.logfile.GetLogfileService;
import io.agentevents.application.service.logfile.ListLogfilesService;
import io.agentevents.application.service.logfile.RequestLogfileService;
import io.agentevents.application.service.logfile.UpdateLogfileService;
import io.agentevents.application.service.request.AnswerAgentRequestService;
import io.agentevents.application.service.request.AskAgentService;
import io.agentevents.application.service.request.ReadAnswerService;
import io.agentevents.application.service.feed.ListAgentEventsService;
import io.agentevents.application.service.feed.ListProjectEventsService;
import io.agentevents.application.service.feed.StreamProjectEventsService;
import io.agentevents.application.service.feed.RecordAgentEventService;
import io.agentevents.application.service.presence.PresenceAnnouncer;
import io.agentevents.application.service.feed.RememberedAgentEventsService;
import io.agentevents.application.service.idempotency.RunOnceService;
import io.agentevents.application.service.operations.CheckReadinessService;
import io.agentevents.bootstrap.config.AppConfig;
import io.agentevents.domain.activation.Schedules;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.ToDoubleFunction;

/** Every use case the API serves, each service on the ports of the chosen store. */
final class ServiceWiring {

    private ServiceWiring() {
    }

    static ApiUseCases useCases(Stores stores, AppConfig config, InMemoryUserTokens userTokens, PresenceBuffer presence,
                                PresenceAnnouncer announcer, FeedStamps stamps, Clock clock, StoreCalls storeCalls, StoreCalls workers,
                                Optional<RememberedIdentities> identities, ScheduledExecutorService deadlines,
                                MeterRegistry meters) {
        Schedules schedules = config.schedules();
        EventLog eventLog = stores.eventLog();
        AgentSessionRepository sessions = stores.sessions();
        AgentRegistry registry = stores.registry();
        AgentTokens agentTokens = stores.agentTokens();
        IdempotencyRecords idempotencyRecords = stores.idempotencyRecords();
        Transactions transactions = stores.transactions();
        SecureRandomSecrets secrets = new SecureRandomSecrets();
        SecretHashing hashing = SecretHashing.forThisMachine();
        // One set of watches of agents' feeds: agents' long-polls and clients waiting for answers wake alike.
        FeedWatchers watchers = new FeedWatchers(eventLog, storeCalls, stores.signals(), deadlines);
        return new ApiUseCases(
                identifyCaller(userTokens, agentTokens, storeCalls, clock, stamps, identities, meters),
                new ActivateAgentsService(stores.projectActivations(), eventLog, transactions, schedules, clock),
                new ActivateAgentService(sessions, eventLog, transactions, schedules, clock, storeCalls),
                new ListProjectEventsService(eventLog, storeCalls),
                new RegisterAgentService(registry, sessions, eventLog, transactions,
                        new RandomAgentIds(), secrets, hashing, clock, workers),
                authenticateAgent(userTokens, registry, agentTokens, secrets, hashing, config, clock, workers, meters),
                new ListAgentsService(stores.fleet(), presence, schedules, clock, storeCalls),
                new GetAgentService(registry, storeCalls),
                new UpdateAgentService(registry, agentTokens, eventLog, transactions, clock, storeCalls),
                new DeleteAgentService(registry, sessions, agentTokens, stores.agentRequests(), stores.logfiles(), eventLog,
                        transactions, clock, storeCalls),
                new RecordAgentEventService(sessions, eventLog, transactions, presence, announcer, schedules, clock,
                        storeCalls),
                listAgentEvents(stores, presence, schedules, clock, storeCalls, stamps, meters),
                new AwaitAgentEventsService(sessions, eventLog, presence, schedules, clock, storeCalls, watchers),
                new GetAgentStatusService(sessions, presence, schedules, stamps, clock, storeCalls),
                new GetAgentConfigurationService(registry, schedules, storeCalls),
                new RunOnceService(idempotencyRecords, clock, storeCalls),
                new CheckReadinessService(stores.probe(), storeCalls, identities),
                agentRequests(stores, config.requests().requestTtl(), watchers, clock, storeCalls),
                new StreamProjectEventsService(eventLog, storeCalls, stores.signals()));
    }

    /** Sign-in, its wrong passwords logged once per burst and counted by the meters. */
    private static AuthenticateAgentService authenticateAgent(InMemoryUserTokens userTokens, AgentRegistry registry,
                                                              AgentTokens agentTokens, SecureRandomSecrets secrets,
                                                              SecretHashing hashing, AppConfig config, Clock clock,
                                                              StoreCalls workers, MeterRegistry meters) {
        AuthenticateAgentService service = new AuthenticateAgentService(userTokens, registry, agentTokens, secrets, hashing,
                config.agentTokenLifetime(), clock, workers, new LoggedSignInAlarms());
        LoggedSignInAlarms.publish(service.counters(), meters);
        return service;
    }

    /** Ask an agent, its answer, the client's read of it (waiting on the same watches as polls), log files. */
    private static AgentRequestUseCases agentRequests(Stores stores, Duration requestTtl, FeedWatchers watchers, Clock clock,
                                                      StoreCalls storeCalls) {
        AgentRegistry registry = stores.registry();
        return new AgentRequestUseCases(
                new AskAgentService(registry, stores.agentRequests(), stores.eventLog(), stores.transactions(), requestTtl,
                        clock, storeCalls),
                new AnswerAgentRequestService(stores.agentRequests(), registry, stores.eventLog(), stores.transactions(),
                        requestTtl, clock, storeCalls),
                new ReadAnswerService(stores.agentRequests(), watchers, clock, storeCalls),
                new RequestLogfileService(registry, stores.logfiles(), stores.eventLog(), stores.transactions(), clock,
                        storeCalls),
                new ListLogfilesService(registry, stores.logfiles(), storeCalls),
                new GetLogfileService(registry, stores.logfiles(), storeCalls),
                new UpdateLogfileService(registry, stores.logfiles(), stores.eventLog(), stores.transactions(), clock,
                        storeCalls),
                new DeleteLogfileService(registry, stores.logfiles(), storeCalls));
    }

    /** Who holds a token; published with how many agents' tokens it knew from memory. */
    private static IdentifyCallerService identifyCaller(InMemoryUserTokens userTokens, AgentTokens agentTokens,
                                                        StoreCalls storeCalls, Clock clock, FeedStamps stamps,
                                                        Optional<RememberedIdentities> identities, MeterRegistry meters) {
        IdentifyCallerService identify = new IdentifyCallerService(userTokens, agentTokens, storeCalls, clock, stamps,
                identities);
        answeredFromMemory(meters, "token", identify, IdentifyCallerService::answeredFromMemory);
        return identify;
    }

    /** The source of the in-memory store's poll count, which stays zero; held here for as long as the class. */
    private static final Object NOTHING_REMEMBERED = new Object();

    private static <T> void answeredFromMemory(MeterRegistry meters, String what, T source, ToDoubleFunction<T> count) {
        FunctionCounter.builder("agent.events.answered.from.memory", source, count)
                .description("agents' polls and tokens this node answered from what it remembers, without the store")
                .tag("what", what)
                .register(meters);
    }

    /**
     * Polls read from the store; before a store that may block (PostgreSQL), the ones this node
     * can answer from memory are answered first. The in-memory store is as fast itself.
     */
    private static ListAgentEventsUseCase listAgentEvents(Stores stores, PresenceBuffer presence, Schedules schedules,
                                                          Clock clock, StoreCalls storeCalls, FeedStamps stamps,
                                                          MeterRegistry meters) {
        ListAgentEventsUseCase fromStore = new ListAgentEventsService(stores.sessions(), stores.eventLog(), presence,
                schedules, clock, storeCalls);
        Optional<RememberedAgentEventsService> remembered = stores.mayBlock()
                ? Optional.of(new RememberedAgentEventsService(fromStore, stamps, presence, clock)) : Optional.empty();
        // Published on both stores (zero in memory), so a dashboard needs no store-specific query. A
        // meter holds its source weakly: the source must be what serves the polls, not a wrapper
        // of it that is garbage as soon as this returns (the count would then read zero).
        remembered.ifPresentOrElse(
                decorator -> answeredFromMemory(meters, "poll", decorator,
                        RememberedAgentEventsService::answeredFromMemory),
                () -> answeredFromMemory(meters, "poll", NOTHING_REMEMBERED, ignored -> 0));
        return remembered.<ListAgentEventsUseCase>map(decorator -> decorator).orElse(fromStore);
    }
}
