package io.agentevents.application.service.agent;

import io.agentevents.application.port.out.AgentSessionRepository.CoveredSession;
import io.agentevents.application.port.in.AgentNotFoundException;
import io.agentevents.application.port.in.agent.AgentQuery;
import io.agentevents.application.port.in.agent.GetAgentStatusUseCase;
import io.agentevents.application.port.out.AgentSessionRepository;
import io.agentevents.application.port.out.AgentSessionRepository.AgentKey;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.service.PresenceBuffer;
import io.agentevents.application.service.access.Access;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.session.AgentSession;
import io.agentevents.domain.session.AgentStatus;
import io.agentevents.domain.session.PresencePolicy;
import java.time.Clock;
import java.util.concurrent.CompletionStage;

/**
 * An agent's status as this node knows it: the stored session with this node's check-ins and
 * heartbeats not yet flushed laid over it, so the node that took them reads them at once; other
 * nodes read them after the flush.
 */
public class GetAgentStatusService implements GetAgentStatusUseCase {

    private final AgentSessionRepository sessions;
    private final PresenceBuffer unflushed;
    private final Schedules schedules;
    private final PresencePolicy presence;
    private final Clock clock;
    private final StoreCalls calls;

    public GetAgentStatusService(AgentSessionRepository sessions, PresenceBuffer unflushed, Schedules schedules, Clock clock,
                                 StoreCalls calls) {
        this.calls = calls;
        this.sessions = sessions;
        this.unflushed = unflushed;
        this.schedules = schedules;
        this.presence = PresencePolicy.of(schedules);
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
        AgentSession session = unflushed.peek(new AgentKey(query.project(), query.agent()))
                .map(seen -> seen.applyTo(covered, schedules).next()).orElse(covered.session());
        return presence.statusOf(session, covered.projectActivation(), clock.instant());
    }
}
