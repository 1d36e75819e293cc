package io.agentevents.application.service.agent;

import io.agentevents.application.port.in.AgentNotFoundException;
import io.agentevents.application.port.in.agent.DeleteAgentCommand;
import io.agentevents.application.port.in.agent.DeleteAgentUseCase;
import io.agentevents.application.port.out.AgentRegistry;
import io.agentevents.application.port.out.AgentRequests;
import io.agentevents.application.port.out.Logfiles;
import io.agentevents.application.port.out.AgentSessionRepository;
import io.agentevents.application.port.out.access.AgentTokens;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.NewEvent;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.port.out.Transactions;
import io.agentevents.application.service.access.Access;
import io.agentevents.domain.event.AgentDeleted;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletionStage;

public class DeleteAgentService implements DeleteAgentUseCase {

    private final AgentRegistry registry;
    private final AgentSessionRepository sessions;
    private final AgentTokens agentTokens;
    private final AgentRequests requests;
    private final Logfiles logfiles;
    private final EventLog eventLog;
    private final Transactions transactions;
    private final Clock clock;
    private final StoreCalls calls;

    public DeleteAgentService(AgentRegistry registry, AgentSessionRepository sessions, AgentTokens agentTokens,
                              AgentRequests requests, Logfiles logfiles, EventLog eventLog, Transactions transactions,
                              Clock clock, StoreCalls calls) {
        this.requests = requests;
        this.logfiles = logfiles;
        this.calls = calls;
        this.registry = registry;
        this.sessions = sessions;
        this.agentTokens = agentTokens;
        this.eventLog = eventLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public CompletionStage<Void> delete(DeleteAgentCommand command) {
        return calls.supply(() -> {
            deleteNow(command);
            return null;
        });
    }

    private void deleteNow(DeleteAgentCommand command) {
        Access.requireAdmin(command.caller(), command.project());
        AgentDeleted deleted = new AgentDeleted(command.agent(), clock.instant());
        transactions.inTransaction(() -> {
            if (!registry.remove(command.project(), command.agent())) {
                throw new AgentNotFoundException(command.project(), command.agent());
            }
            sessions.delete(command.project(), command.agent());
            agentTokens.revokeAll(command.project(), command.agent());
            requests.removeAll(command.project(), command.agent());
            logfiles.removeAll(command.project(), command.agent());
            return eventLog.append(command.project(), List.of(new NewEvent(deleted, command.requestId())));
        });
    }
}
