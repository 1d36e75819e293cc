package io.agentevents.application.service.logfile;

import io.agentevents.application.port.in.logfile.UpdateLogfileCommand;
import io.agentevents.application.port.in.logfile.UpdateLogfileUseCase;
import io.agentevents.application.port.out.AgentRegistry;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.Logfiles;
import io.agentevents.application.port.out.NewEvent;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.port.out.Transactions;
import io.agentevents.application.service.access.Access;
import io.agentevents.domain.request.Logfile;
import io.agentevents.domain.request.LogfileProgressed;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The agent's report on its upload: the log file moves forward (compare and set: of two reports
 * at once, the second is checked again against what the first left) and the step's event goes
 * into the agent's feed, in one transaction.
 */
public class UpdateLogfileService implements UpdateLogfileUseCase {

    private final LogfileLookup lookup;
    private final Logfiles logfiles;
    private final EventLog eventLog;
    private final Transactions transactions;
    private final Clock clock;
    private final StoreCalls calls;

    public UpdateLogfileService(AgentRegistry registry, Logfiles logfiles, EventLog eventLog, Transactions transactions,
                                Clock clock, StoreCalls calls) {
        this.lookup = new LogfileLookup(registry, logfiles);
        this.logfiles = logfiles;
        this.eventLog = eventLog;
        this.transactions = transactions;
        this.clock = clock;
        this.calls = calls;
    }

    @Override
    public CompletionStage<Void> update(UpdateLogfileCommand command) {
        return calls.supply(() -> {
            updateNow(command);
            return null;
        });
    }

    private void updateNow(UpdateLogfileCommand command) {
        Access.requireAgentItself(command.caller(), command.project(), command.agent());
        Instant now = clock.instant();
        transactions.inTransaction(() -> {
            while (true) {
                Logfile logfile = lookup.require(command.project(), command.agent(), command.logfile());
                LogfileProgressed step = logfile.progressedTo(command.state(), now);
                if (logfiles.advance(command.project(), command.agent(), command.logfile(), logfile.state(),
                        command.state())) {
                    return eventLog.append(command.project(), List.of(NewEvent.of(step)));
                }
            }
        });
    }
}
