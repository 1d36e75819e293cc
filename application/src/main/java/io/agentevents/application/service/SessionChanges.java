package io.agentevents.application.service;

import io.agentevents.application.port.out.AgentSessionRepository.CoveredSession;
import io.agentevents.application.port.in.AgentNotFoundException;
import io.agentevents.application.port.out.AgentSessionRepository;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.NewEvent;
import io.agentevents.application.port.out.Transactions;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.session.AgentSession;
import io.agentevents.domain.session.SessionChange;
import java.util.function.Function;

/**
 * The one way services change a session: apply a domain behaviour, store the next state and
 * append the events it caused, in one transaction.
 */
public final class SessionChanges {

    private final AgentSessionRepository sessions;
    private final EventLog eventLog;
    private final Transactions transactions;

    public SessionChanges(AgentSessionRepository sessions, EventLog eventLog, Transactions transactions) {
        this.sessions = sessions;
        this.eventLog = eventLog;
        this.transactions = transactions;
    }

    /** @throws AgentNotFoundException if the agent has no session */
    public SessionChange apply(ProjectId project, AgentId agent, RequestId requestId,
                        Function<CoveredSession, SessionChange> behaviour) {
        return transactions.inTransaction(() -> {
            SessionChange change = sessions.update(project, agent, behaviour)
                    .orElseThrow(() -> new AgentNotFoundException(project, agent));
            if (!change.events().isEmpty()) {
                eventLog.append(project, change.events().stream().map(event -> new NewEvent(event, requestId)).toList());
            }
            return change;
        });
    }
}
