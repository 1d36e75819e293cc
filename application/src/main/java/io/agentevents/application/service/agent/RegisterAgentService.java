package io.agentevents.application.service.agent;

import io.agentevents.application.port.in.access.Secret;
import io.agentevents.application.port.in.agent.AgentRegistration;
import io.agentevents.application.port.in.agent.RegisterAgentCommand;
import io.agentevents.application.port.in.agent.RegisterAgentUseCase;
import io.agentevents.application.port.out.AgentIds;
import io.agentevents.application.port.out.AgentRegistry;
import io.agentevents.application.port.out.AgentSessionRepository;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.NewEvent;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.port.out.Transactions;
import io.agentevents.application.port.out.access.PasswordHash;
import io.agentevents.application.port.out.access.Secrets;
import io.agentevents.application.service.access.Access;
import io.agentevents.application.service.access.SecretHashing;
import io.agentevents.domain.agent.AgentSettings;
import io.agentevents.domain.agent.RegisteredAgent;
import io.agentevents.domain.session.AgentSession;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

public class RegisterAgentService implements RegisterAgentUseCase {

    private final AgentRegistry registry;
    private final AgentSessionRepository sessions;
    private final EventLog eventLog;
    private final Transactions transactions;
    private final AgentIds agentIds;
    private final Secrets secrets;
    private final SecretHashing hashing;
    private final Clock clock;
    private final StoreCalls calls;

    /** @param calls where the work runs: a pool of workers whatever the store, hashing the new password takes a while */
    public RegisterAgentService(AgentRegistry registry, AgentSessionRepository sessions, EventLog eventLog,
                                Transactions transactions, AgentIds agentIds, Secrets secrets, SecretHashing hashing,
                                Clock clock, StoreCalls calls) {
        this.calls = calls;
        this.registry = registry;
        this.sessions = sessions;
        this.eventLog = eventLog;
        this.transactions = transactions;
        this.agentIds = agentIds;
        this.secrets = secrets;
        this.hashing = hashing;
        this.clock = clock;
    }

    @Override
    public CompletionStage<AgentRegistration> register(RegisterAgentCommand command) {
        return calls.supply(() -> registerNow(command));
    }

    private AgentRegistration registerNow(RegisterAgentCommand command) {
        Access.requireWriter(command.caller(), command.project());
        RegisteredAgent agent = new RegisteredAgent(command.project(), agentIds.next(), command.name(),
                command.version(), command.host(), Optional.of(command.publicKey()),
                AgentSettings.initial(command.host().flavor(), command.vaultUsesInternal()), clock.instant());
        Secret password = new Secret(secrets.next());
        PasswordHash passwordHash = hashing.hashPassword(password);
        transactions.inTransaction(() -> {
            registry.add(agent, passwordHash);
            sessions.insert(AgentSession.start(agent.project(), agent.id()));
            return eventLog.append(agent.project(), List.of(new NewEvent(agent.registeredEvent(), command.requestId())));
        });
        return new AgentRegistration(agent, password);
    }
}
