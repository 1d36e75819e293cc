package io.agentevents.application.service.activation;

import io.agentevents.application.port.in.activation.ActivateAgentsCommand;
import io.agentevents.application.port.in.activation.ActivateAgentsUseCase;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.NewEvent;
import io.agentevents.application.port.out.ProjectActivations;
import io.agentevents.application.port.out.Transactions;
import io.agentevents.application.service.access.Access;
import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.activation.ActivationScope;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.event.StoredEvent;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

public class ActivateAgentsService implements ActivateAgentsUseCase {

    private final ProjectActivations projectActivations;
    private final EventLog eventLog;
    private final Transactions transactions;
    private final Schedules schedules;
    private final Clock clock;

    public ActivateAgentsService(ProjectActivations projectActivations, EventLog eventLog, Transactions transactions,
                                 Schedules schedules, Clock clock) {
        this.projectActivations = projectActivations;
        this.eventLog = eventLog;
        this.transactions = transactions;
        this.schedules = schedules;
        this.clock = clock;
    }

    @Override
    public CompletionStage<Void> activate(ActivateAgentsCommand command) {
        Activation activation;
        try {
            activation = authorized(command);
        } catch (RuntimeException denied) {
            return CompletableFuture.failedFuture(denied);
        }
        return transactions.inSharedTransaction(command.project(), () -> store(command, activation))
                .thenApply(stored -> null);
    }

    private Activation authorized(ActivateAgentsCommand command) {
        Access.requireWriter(command.caller(), command.project());
        return Activation.request(ActivationScope.wholeProject(), command.mode(), clock.instant(), command.requestId(),
                schedules);
    }

    /** Locks only the project's event counter, then its activation row: fit to share a commit. */
    private List<StoredEvent> store(ActivateAgentsCommand command, Activation activation) {
        List<StoredEvent> stored = eventLog.append(command.project(), List.of(NewEvent.of(activation)));
        projectActivations.save(command.project(), activation);
        return stored;
    }
}
