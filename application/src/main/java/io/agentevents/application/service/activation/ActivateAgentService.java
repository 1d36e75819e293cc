package io.agentevents.application.service.activation;

import io.agentevents.application.port.in.activation.ActivateAgentCommand;
import io.agentevents.application.port.in.activation.ActivateAgentUseCase;
import io.agentevents.application.port.out.AgentSessionRepository;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.port.out.Transactions;
import io.agentevents.application.service.SessionChanges;
import io.agentevents.application.service.access.Access;
import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.activation.SingleAgent;
import java.time.Clock;
import java.util.concurrent.CompletionStage;

public class ActivateAgentService implements ActivateAgentUseCase {

    private final SessionChanges sessionChanges;
    private final Schedules schedules;
    private final Clock clock;
    private final StoreCalls calls;

    public ActivateAgentService(AgentSessionRepository sessions, EventLog eventLog, Transactions transactions,
                                Schedules schedules, Clock clock, StoreCalls calls) {
        this.calls = calls;
        this.sessionChanges = new SessionChanges(sessions, eventLog, transactions);
        this.schedules = schedules;
        this.clock = clock;
    }

    @Override
    public CompletionStage<Void> activate(ActivateAgentCommand command) {
        return calls.supply(() -> {
            activateNow(command);
            return null;
        });
    }

    private void activateNow(ActivateAgentCommand command) {
        Access.requireWriter(command.caller(), command.project());
        Activation activation = Activation.request(new SingleAgent(command.agent()), command.mode(), clock.instant(),
                command.requestId(), schedules);
        sessionChanges.apply(command.project(), command.agent(), command.requestId(),
                covered -> covered.session().activate(activation));
    }
}
