package com.example.wakeup;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.activation.ActivationScope;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.session.AgentSession;
import io.agentevents.domain.session.AgentStatus;
import io.agentevents.domain.session.PresencePolicy;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The README's example, as another backend would write it: wake an agent, hear from it, let it fall back. */
public final class WakeUp {

    private final Schedules schedules = Schedules.defaults();
    private final PresencePolicy presence = PresencePolicy.of(schedules);
    private AgentSession session = AgentSession.start(new ProjectId("acme"), new AgentId(UUID.randomUUID()));
    /** The project keeps its own activation; the agent's session is judged under it. */
    private Optional<Activation> projectActivation = Optional.empty();

    /** Wakes the whole project at {@code at}. */
    public void wakeProject(Instant at) {
        projectActivation = Optional.of(Activation.request(ActivationScope.wholeProject(), Mode.ACTIVE, at,
                new RequestId(UUID.randomUUID()), schedules));
    }

    /** The agent heartbeats at {@code at}, busy or not. */
    public void heartbeat(Instant at, boolean busy) {
        session = session.recordHeartbeat(at, busy, projectActivation, schedules).next();
    }

    /** The agent's mode at {@code at}. */
    public Mode modeAt(Instant at) {
        return session.effectiveModeAt(projectActivation, at);
    }

    /** When that mode ends, if anything ends it. */
    public Optional<Instant> modeEndsAt(Instant at) {
        return session.modeEndsAt(projectActivation, at);
    }

    /** What a client sees of the agent at {@code at}. */
    public AgentStatus statusAt(Instant at) {
        return presence.statusOf(session, projectActivation, at);
    }
}
