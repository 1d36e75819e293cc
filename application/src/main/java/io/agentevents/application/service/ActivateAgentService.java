package io.agentevents.application.service;

import io.agentevents.application.port.in.activation.ActivateAgentCommand;
import io.agentevents.application.port.in.activation.ActivateAgentUseCase;
import io.agentevents.application.port.out.AgentSessionRepository;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.Transactions;
import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.activation.SingleAgent;
import java.time.Clock;

public class ActivateAgentService implements ActivateAgentUseCase {

    private final SessionChanges sessionChanges;
    private final Schedules schedules;
    private final Clock clock;

    public ActivateAgentService(AgentSessionRepository sessions, EventLog eventLog, Transactions transactions,
                                Schedules schedules, Clock clock) {
        this.sessionChanges = new SessionChanges(sessions, eventLog, transactions);
        this.schedules = schedules;
        this.clock = clock;
    }

    @Override
    public void activate(ActivateAgentCommand command) {
        Access.requireWriter(command.caller(), command.project());
        Activation activation = Activation.request(new SingleAgent(command.agent()), command.mode(), clock.instant(),
                command.requestId(), schedules);
        sessionChanges.apply(command.project(), command.agent(), command.requestId(),
                session -> session.activate(activation));
    }
}
