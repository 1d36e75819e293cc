package io.agentevents.application.service;

import io.agentevents.application.port.in.RecordAgentEventCommand;
import io.agentevents.application.port.in.RecordAgentEventUseCase;
import io.agentevents.application.port.out.AgentSessionRepository;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.Transactions;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.session.AgentSession;
import io.agentevents.domain.session.SessionChange;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

public class RecordAgentEventService implements RecordAgentEventUseCase {

    private final SessionChanges sessionChanges;
    private final Schedules schedules;
    private final Clock clock;

    public RecordAgentEventService(AgentSessionRepository sessions, EventLog eventLog, Transactions transactions,
                                   Schedules schedules, Clock clock) {
        this.sessionChanges = new SessionChanges(sessions, eventLog, transactions);
        this.schedules = schedules;
        this.clock = clock;
    }

    @Override
    public void record(RecordAgentEventCommand command) {
        Access.requireAgentItself(command.caller(), command.project(), command.agent());
        Instant now = clock.instant();
        Function<AgentSession, SessionChange> behaviour = switch (command.signal()) {
            case STARTUP -> session -> session.recordStartup(now);
            case SHUTDOWN -> session -> session.recordShutdown(now);
            case HEARTBEAT -> session -> session.recordHeartbeat(now, command.busy(), schedules);
        };
        sessionChanges.apply(command.project(), command.agent(), command.requestId(), behaviour);
    }
}
