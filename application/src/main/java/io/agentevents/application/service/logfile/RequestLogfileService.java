package io.agentevents.application.service.logfile;

import io.agentevents.application.port.in.AgentNotFoundException;
import io.agentevents.application.port.in.logfile.RequestLogfileCommand;
import io.agentevents.application.port.in.logfile.RequestLogfileUseCase;
import io.agentevents.application.port.out.AgentRegistry;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.Logfiles;
import io.agentevents.application.port.out.NewEvent;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.port.out.Transactions;
import io.agentevents.application.service.access.Access;
import io.agentevents.domain.request.Logfile;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Asks an agent for its log file: the {@code logfile_upload} event and the log file, in one
 * transaction that may share its commit (the event first, then only the project's own rows).
 */
public class RequestLogfileService implements RequestLogfileUseCase {

    private final AgentRegistry registry;
    private final Logfiles logfiles;
    private final EventLog eventLog;
    private final Transactions transactions;
    private final Clock clock;
    private final StoreCalls calls;

    public RequestLogfileService(AgentRegistry registry, Logfiles logfiles, EventLog eventLog, Transactions transactions,
                                 Clock clock, StoreCalls calls) {
        this.registry = registry;
        this.logfiles = logfiles;
        this.eventLog = eventLog;
        this.transactions = transactions;
        this.clock = clock;
        this.calls = calls;
    }

    @Override
    public CompletionStage<Logfile> request(RequestLogfileCommand command) {
        return calls.supply(() -> {
            Access.requireWriter(command.caller(), command.project());
            if (registry.find(command.project(), command.agent()).isEmpty()) {
                throw new AgentNotFoundException(command.project(), command.agent());
            }
            return Logfile.requested(command.project(), command.agent(), command.requestId(), clock.instant());
        }).thenCompose(logfile -> transactions.inSharedTransaction(command.project(), () -> {
            eventLog.append(command.project(), List.of(NewEvent.of(logfile.requestedEvent())));
            logfiles.add(logfile);
            return logfile;
        }));
    }
}
