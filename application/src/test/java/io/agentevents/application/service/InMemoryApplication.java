package io.agentevents.application.service;

import io.agentevents.application.memory.InMemoryAgentFleet;
import io.agentevents.application.memory.InMemoryAnnouncedPresence;
import io.agentevents.application.memory.InMemoryAgentRegistry;
import io.agentevents.application.memory.InMemoryAgentRequests;
import io.agentevents.application.memory.InMemoryLogfiles;
import io.agentevents.application.memory.InMemoryAgentSessionRepository;
import io.agentevents.application.memory.InMemoryAgentTokens;
import io.agentevents.application.memory.InMemoryEventSignals;
import io.agentevents.application.memory.InMemoryIdempotencyRecords;
import io.agentevents.application.memory.InMemoryProjectActivations;
import io.agentevents.application.memory.InMemoryTransactions;
import io.agentevents.application.memory.InMemoryUserTokens;
import io.agentevents.application.memory.RandomAgentIds;
import io.agentevents.application.memory.SecureRandomSecrets;
import io.agentevents.application.memory.log.InMemoryEventLog;
import io.agentevents.application.port.in.access.AuthenticateAgentCommand;
import io.agentevents.application.port.in.access.Secret;
import io.agentevents.application.port.in.activation.ActivateAgentsCommand;
import io.agentevents.application.port.in.agent.AgentRegistration;
import io.agentevents.application.port.in.agent.RegisterAgentCommand;
import io.agentevents.application.port.in.feed.AgentEventsPage;
import io.agentevents.application.port.in.feed.ListAgentEventsQuery;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.port.out.access.TokenHash;
import io.agentevents.application.port.out.access.WrongPasswordBurst;
import io.agentevents.application.service.access.AuthenticateAgentService;
import io.agentevents.application.service.access.IdentifyCallerService;
import io.agentevents.application.service.access.SecretHashing;
import io.agentevents.application.service.activation.ActivateAgentService;
import io.agentevents.application.service.activation.ActivateAgentsService;
import io.agentevents.application.service.agent.DeleteAgentService;
import io.agentevents.application.service.agent.GetAgentConfigurationService;
import io.agentevents.application.service.agent.GetAgentService;
import io.agentevents.application.service.agent.GetAgentStatusService;
import io.agentevents.application.service.agent.ListAgentsService;
import io.agentevents.application.service.agent.RegisterAgentService;
import io.agentevents.application.service.feed.ListAgentEventsService;
import io.agentevents.application.service.feed.ListProjectEventsService;
import io.agentevents.application.service.feed.RecordAgentEventService;
import io.agentevents.application.service.feed.RememberedAgentEventsService;
import io.agentevents.application.service.idempotency.RunOnceService;
import io.agentevents.application.service.operations.FlushPresenceService;
import io.agentevents.application.service.operations.PurgeExpiredService;
import io.agentevents.application.service.operations.SweepPresenceService;
import io.agentevents.application.service.presence.PresenceAnnouncer;
import io.agentevents.application.service.presence.PresenceEvents;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.MutableClock;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TestAgents;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.access.AgentCaller;
import io.agentevents.domain.access.Caller;
import io.agentevents.domain.access.Role;
import io.agentevents.domain.access.UserCaller;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.agent.AgentHost;
import io.agentevents.domain.session.PresencePolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** Every service wired on the in-memory store with a clock the test moves. One per test. */
final class InMemoryApplication {

    static final Duration AGENT_TOKEN_LIFETIME = Duration.ofHours(24);
    static final Duration EVENT_RETENTION = Duration.ofMinutes(5);
    static final Duration REQUEST_TTL = Duration.ofMinutes(5);
    static final String FINGERPRINT = "fp-0123456789";
    /** Where test sign-ins come from (TEST-NET-1, RFC 5737). */
    static final String ADDRESS = "192.0.2.1";

    final MutableClock clock = new MutableClock(TestSessions.T0);
    final Schedules schedules = Schedules.defaults();
    final ProjectId project = TestSessions.newProject();
    final ProjectId otherProject = TestSessions.newProject();
    final UserCaller admin = new UserCaller(project, Role.ADMIN);
    final UserCaller creator = new UserCaller(project, Role.CREATOR);
    final UserCaller observer = new UserCaller(project, Role.OBSERVER);
    final UserCaller otherAdmin = new UserCaller(otherProject, Role.ADMIN);
    final Secret adminToken = new Secret("admin-token-" + project);

    final InMemoryEventSignals signals = new InMemoryEventSignals();
    /** Polls and tokens are answered from memory where they can be, as the service wires them. */
    final FeedStamps stamps = FeedStamps.following(signals);
    final InMemoryEventLog eventLog = new InMemoryEventLog(signals, clock);
    final InMemoryProjectActivations projectActivations = new InMemoryProjectActivations();
    final InMemoryAgentSessionRepository sessions = new InMemoryAgentSessionRepository(projectActivations);
    final InMemoryAgentRegistry registry = new InMemoryAgentRegistry();
    final InMemoryAgentTokens agentTokens = new InMemoryAgentTokens();
    final InMemoryIdempotencyRecords idempotencyRecords = new InMemoryIdempotencyRecords();
    final InMemoryAgentRequests agentRequests = new InMemoryAgentRequests();
    final InMemoryLogfiles logfiles = new InMemoryLogfiles();
    final InMemoryUserTokens userTokens;
    final InMemoryTransactions transactions = new InMemoryTransactions(signals);
    final SecretHashing hashing = SecretHashing.forThisMachine();
    /** What the sign-in told the operator, one entry per burst of wrong passwords. */
    final List<WrongPasswordBurst> signInAlarms = new CopyOnWriteArrayList<>();
    final PresenceBuffer presence = new PresenceBuffer();

    /** How many calls services made on the store through {@link #storeCalls}. */
    final AtomicInteger storeCallCount = new AtomicInteger();
    final StoreCalls storeCalls = new StoreCalls() {
        @Override
        public <T> CompletionStage<T> supply(Supplier<T> call) {
            storeCallCount.incrementAndGet();
            return StoreCalls.inline().supply(call);
        }
    };

    /** Where the other services run their store calls, uncounted: inline, as on the in-memory store. */
    final StoreCalls inline = StoreCalls.inline();

    final IdentifyCallerService identify;
    final ActivateAgentsService activateAgents;
    final ActivateAgentService activateAgent;
    final RegisterAgentService registerAgent;
    final AuthenticateAgentService authenticateAgent;
    final RecordAgentEventService recordAgentEvent;
    final ListAgentEventsService listAgentEvents;
    final RememberedAgentEventsService rememberedFeeds;
    final ListProjectEventsService listProjectEvents;
    final GetAgentStatusService agentStatus;
    final GetAgentService getAgent;
    final ListAgentsService listAgents;
    final DeleteAgentService deleteAgent;
    final GetAgentConfigurationService configuration;
    final PurgeExpiredService purge;
    final RunOnceService runOnce;
    final FlushPresenceService flushPresence;
    final InMemoryAnnouncedPresence announcedPresence = new InMemoryAnnouncedPresence(sessions);
    final PresenceAnnouncer announcer;
    /** Sweeps with the hold-down given to {@link #InMemoryApplication(PresenceEvents)}; never scheduled here. */
    final SweepPresenceService sweepPresence;

    /** Presence events off, as the service starts by default. */
    InMemoryApplication() {
        this(PresenceEvents.off());
    }

    InMemoryApplication(PresenceEvents presenceEvents) {
        announcer = presenceEvents.enabled() ? PresenceAnnouncer.on(announcedPresence, eventLog)
                : PresenceAnnouncer.off(eventLog);
        sweepPresence = new SweepPresenceService(announcedPresence, announcer, presence, transactions,
                PresencePolicy.of(schedules), presenceEvents.holdDown(), clock, inline);
        TokenHash adminHash = SecretHashing.hashToken(adminToken);
        userTokens = new InMemoryUserTokens(Map.of(adminHash, admin,
                SecretHashing.hashToken(new Secret("other-admin")), otherAdmin));
        identify = new IdentifyCallerService(userTokens, agentTokens, storeCalls, clock, stamps, Optional.empty());
        activateAgents = new ActivateAgentsService(projectActivations, eventLog, transactions, schedules, clock);
        activateAgent = new ActivateAgentService(sessions, eventLog, transactions, schedules, clock, inline);
        registerAgent = new RegisterAgentService(registry, sessions, eventLog, transactions,
                new RandomAgentIds(), new SecureRandomSecrets(), hashing, clock, inline);
        authenticateAgent = new AuthenticateAgentService(userTokens, registry, agentTokens, new SecureRandomSecrets(),
                hashing, AGENT_TOKEN_LIFETIME, clock, inline, signInAlarms::add);
        recordAgentEvent = new RecordAgentEventService(sessions, eventLog, transactions, presence, announcer, schedules,
                clock, inline);
        listAgentEvents = new ListAgentEventsService(sessions, eventLog, presence, schedules, clock, storeCalls);
        rememberedFeeds = new RememberedAgentEventsService(listAgentEvents, stamps, presence, clock);
        listProjectEvents = new ListProjectEventsService(eventLog, inline);
        agentStatus = new GetAgentStatusService(sessions, presence, schedules, FeedStamps.never(), clock, inline);
        getAgent = new GetAgentService(registry, inline);
        listAgents = new ListAgentsService(new InMemoryAgentFleet(registry, sessions), presence, schedules, clock, inline);
        deleteAgent = new DeleteAgentService(registry, sessions, agentTokens, agentRequests, logfiles, eventLog,
                transactions, clock, inline);
        configuration = new GetAgentConfigurationService(registry, schedules, inline);
        purge = new PurgeExpiredService(eventLog, agentTokens, idempotencyRecords, agentRequests, EVENT_RETENTION,
                REQUEST_TTL, clock, inline);
        runOnce = new RunOnceService(idempotencyRecords, clock, inline);
        flushPresence = new FlushPresenceService(presence, sessions, announcer, transactions, schedules, inline);
    }

    AgentRegistration register() {
        return awaited(registerAgent.register(registration(admin, "web-1")));
    }

    /** A registration of the reference's example shape by {@code caller}, on the host of {@link #FINGERPRINT}. */
    RegisterAgentCommand registration(Caller caller, String name) {
        AgentHost example = TestAgents.host(name);
        AgentHost host = new AgentHost(example.flavor(), example.region(), example.machineId(), example.os(), FINGERPRINT,
                example.addresses());
        return new RegisterAgentCommand(caller, project, name, "1.2.3", host, TestAgents.KEY, Optional.empty(),
                TestSessions.newRequest());
    }

    /** Registers an agent and signs it in: the caller its token stands for. */
    AgentCaller registeredAgentCaller() {
        return (AgentCaller) identified(registeredAgentToken());
    }

    /** Activates the project's agents, or throws the use case's failure itself. */
    void activated(ActivateAgentsCommand command) {
        awaited(activateAgents.activate(command));
    }

    /** Who holds the token, or the use case's failure itself. */
    Caller identified(Secret token) {
        return awaited(identify.identify(token));
    }

    /** The agent's feed as read from the store. */
    AgentEventsPage poll(ListAgentEventsQuery query) {
        return awaited(listAgentEvents.list(query));
    }

    /** The stage's value once complete; its failure rethrown as it was raised. */
    static <T> T awaited(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    /** Registers an agent and signs it in: its token. */
    Secret registeredAgentToken() {
        AgentRegistration registration = register();
        return awaited(authenticateAgent.authenticate(new AuthenticateAgentCommand(project,
                registration.agent().id(), registration.password(), FINGERPRINT, ADDRESS))).token();
    }

    /** The agent's effective mode now, as its session and its project's activation decide it. */
    Mode modeOf(AgentId agent) {
        var covered = sessions.find(project, agent).orElseThrow();
        return covered.session().effectiveModeAt(covered.projectActivation(), clock.instant());
    }
}
