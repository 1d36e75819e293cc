package io.agentevents.application.service.agent;

import io.agentevents.application.port.in.AgentNotFoundException;
import io.agentevents.application.port.in.agent.AgentQuery;
import io.agentevents.application.port.in.agent.GetAgentStatusUseCase;
import io.agentevents.application.port.out.AgentSessionRepository;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.service.PresenceBuffer;
import io.agentevents.application.service.access.Access;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.session.AgentStatus;
import java.time.Clock;
import java.util.concurrent.CompletionStage;

/** An agent's status as this node knows it ({@link LiveStatus}). */
public class GetAgentStatusService implements GetAgentStatusUseCase {

    private final AgentSessionRepository sessions;
    private final LiveStatus live;
    private final Clock clock;
    private final StoreCalls calls;

    public GetAgentStatusService(AgentSessionRepository sessions, PresenceBuffer unflushed, Schedules schedules, Clock clock,
                                 StoreCalls calls) {
        this.calls = calls;
        this.sessions = sessions;
        this.live = new LiveStatus(unflushed, schedules);
        this.clock = clock;
    }

    @Override
    public CompletionStage<AgentStatus> status(AgentQuery query) {
        return calls.supply(() -> statusNow(query));
    }

    private AgentStatus statusNow(AgentQuery query) {
        Access.requireReader(query.caller(), query.project());
        var seen = live.unflushed(new AgentSessionRepository.AgentKey(query.project(), query.agent()));
        return live.of(sessions.find(query.project(), query.agent())
                .orElseThrow(() -> new AgentNotFoundException(query.project(), query.agent())), seen, clock.instant());
    }
}
