package io.agentevents.application.service.agent;

import io.agentevents.application.port.out.AgentSessionRepository.AgentKey;
import io.agentevents.application.port.out.AgentSessionRepository.CoveredSession;
import io.agentevents.application.service.PresenceBuffer;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.session.AgentSession;
import io.agentevents.domain.session.AgentStatus;
import io.agentevents.domain.session.PresencePolicy;
import java.time.Instant;

/**
 * An agent's status as this node knows it: the stored session with this node's check-ins and
 * heartbeats not yet flushed laid over it, so the node that took them reads them at once; other
 * nodes read them after the flush.
 */
final class LiveStatus {

    private final PresenceBuffer unflushed;
    private final Schedules schedules;
    private final PresencePolicy presence;

    LiveStatus(PresenceBuffer unflushed, Schedules schedules) {
        this.unflushed = unflushed;
        this.schedules = schedules;
        this.presence = PresencePolicy.of(schedules);
    }

    AgentStatus of(CoveredSession covered, Instant now) {
        AgentSession stored = covered.session();
        AgentSession session = unflushed.peek(new AgentKey(stored.project(), stored.agent()))
                .map(seen -> seen.applyTo(covered, schedules).next()).orElse(stored);
        return presence.statusOf(session, covered.projectActivation(), now);
    }
}
