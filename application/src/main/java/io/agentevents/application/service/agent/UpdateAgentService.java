package io.agentevents.application.service.agent;

import io.agentevents.application.port.in.AgentNotFoundException;
import io.agentevents.application.port.in.agent.UpdateAgentCommand;
import io.agentevents.application.port.in.agent.UpdateAgentUseCase;
import io.agentevents.application.port.out.AgentRegistry;
import io.agentevents.application.port.out.access.AgentTokens;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.NewEvent;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.port.out.Transactions;
import io.agentevents.application.service.access.Access;
import io.agentevents.domain.agent.RegisteredAgent;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Applies a patch to an agent's settings. The settings are written only if no other change got
 * there first (compare and set), else the patch is applied again to what that change left, so
 * two clients patching different settings at once both keep their change.
 */
public class UpdateAgentService implements UpdateAgentUseCase {

    private final AgentRegistry registry;
    private final AgentTokens agentTokens;
    private final EventLog eventLog;
    private final Transactions transactions;
    private final Clock clock;
    private final StoreCalls calls;

    public UpdateAgentService(AgentRegistry registry, AgentTokens agentTokens, EventLog eventLog,
                              Transactions transactions, Clock clock, StoreCalls calls) {
        this.calls = calls;
        this.registry = registry;
        this.agentTokens = agentTokens;
        this.eventLog = eventLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public CompletionStage<Void> update(UpdateAgentCommand command) {
        return calls.supply(() -> {
            updateNow(command);
            return null;
        });
    }

    private void updateNow(UpdateAgentCommand command) {
        Access.requireWriter(command.caller(), command.project());
        Instant now = clock.instant();
        transactions.inTransaction(() -> {
            while (true) {
                RegisteredAgent agent = registry.find(command.project(), command.agent())
                        .orElseThrow(() -> new AgentNotFoundException(command.project(), command.agent()));
                RegisteredAgent.Reconfiguration change = agent.reconfigure(command.changes(), now);
                if (change.event().isEmpty()) {
                    return List.of();
                }
                if (registry.updateSettings(command.project(), command.agent(), agent.settings(),
                        change.after().settings())) {
                    if (change.disablesAgent()) {
                        agentTokens.revokeAll(command.project(), command.agent());
                    }
                    return eventLog.append(command.project(),
                            List.of(new NewEvent(change.event().get(), command.requestId())));
                }
            }
        });
    }
}
