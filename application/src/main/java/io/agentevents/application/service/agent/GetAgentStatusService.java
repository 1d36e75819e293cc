package io.agentevents.application.service.agent;

import io.agentevents.application.port.out.AgentSessionRepository.CoveredSession;
import io.agentevents.application.port.in.AgentNotFoundException;
import io.agentevents.application.port.in.agent.AgentQuery;
import io.agentevents.application.port.in.agent.GetAgentStatusUseCase;
import io.agentevents.application.port.out.AgentSessionRepository;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.service.access.Access;
import io.agentevents.domain.session.AgentSession;
import io.agentevents.domain.session.AgentStatus;
import io.agentevents.domain.session.PresencePolicy;
import java.time.Clock;
import java.util.concurrent.CompletionStage;

public class GetAgentStatusService implements GetAgentStatusUseCase {

    private final AgentSessionRepository sessions;
    private final PresencePolicy presence;
    private final Clock clock;
    private final StoreCalls calls;

    public GetAgentStatusService(AgentSessionRepository sessions, PresencePolicy presence, Clock clock, StoreCalls calls) {
        this.calls = calls;
        this.sessions = sessions;
        this.presence = presence;
        this.clock = clock;
    }

    @Override
    public CompletionStage<AgentStatus> status(AgentQuery query) {
        return calls.supply(() -> statusNow(query));
    }

    private AgentStatus statusNow(AgentQuery query) {
        Access.requireReader(query.caller(), query.project());
        CoveredSession covered = sessions.find(query.project(), query.agent())
                .orElseThrow(() -> new AgentNotFoundException(query.project(), query.agent()));
        return presence.statusOf(covered.session(), covered.projectActivation(), clock.instant());
    }
}
