package io.agentevents.application.service.agent;

import io.agentevents.application.port.out.AgentSessionRepository.AgentKey;
import io.agentevents.application.port.out.AgentSessionRepository.CoveredSession;
import io.agentevents.application.service.PresenceBuffer;
import io.agentevents.application.service.PresenceBuffer.Observation;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.session.AgentSession;
import io.agentevents.domain.session.AgentStatus;
import io.agentevents.domain.session.PresencePolicy;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * An agent's status as this node knows it: the stored session with this node's check-ins and
 * heartbeats not yet flushed laid over it, so the node that took them reads them at once; other
 * nodes read them after the flush. What the buffer holds is taken before the store is read: a
 * flush that writes in between is then in one or the other, never lost between the two.
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

    /** What this node has seen of the agent and not written yet; take it before reading the store. */
    Optional<Observation> unflushed(AgentKey agent) {
        return unflushed.peek(agent);
    }

    /** The same for every agent of the project. */
    Map<AgentKey, Observation> unflushed(ProjectId project) {
        return unflushed.peekProject(project);
    }

    /** The status of the stored session with what was taken from the buffer before it was read laid over it. */
    AgentStatus of(CoveredSession covered, Optional<Observation> seenBefore, Instant now) {
        AgentSession session = seenBefore.map(seen -> seen.applyTo(covered, schedules).next()).orElse(covered.session());
        return presence.statusOf(session, covered.projectActivation(), now);
    }
}
