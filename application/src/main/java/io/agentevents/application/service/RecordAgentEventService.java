package io.agentevents.application.service;

import io.agentevents.application.port.in.feed.AgentSignal;
import io.agentevents.application.port.in.feed.RecordAgentEventCommand;
import io.agentevents.application.port.in.feed.RecordAgentEventUseCase;
import io.agentevents.application.port.out.AgentSessionRepository.AgentKey;
import io.agentevents.application.port.out.AgentSessionRepository;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.Transactions;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.session.AgentSession;
import io.agentevents.domain.session.SessionChange;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

public class RecordAgentEventService implements RecordAgentEventUseCase {

    private final SessionChanges sessionChanges;
    private final PresenceBuffer presence;
    private final Schedules schedules;
    private final Clock clock;

    public RecordAgentEventService(AgentSessionRepository sessions, EventLog eventLog, Transactions transactions,
                                   PresenceBuffer presence, Schedules schedules, Clock clock) {
        this.sessionChanges = new SessionChanges(sessions, eventLog, transactions);
        this.presence = presence;
        this.schedules = schedules;
        this.clock = clock;
    }

    /**
     * A heartbeat only joins this node's presence buffer (written within one flush interval);
     * a startup or shutdown is written now, after whatever presence of the agent was pending, so
     * an older heartbeat can never undo it.
     */
    @Override
    public void record(RecordAgentEventCommand command) {
        Access.requireAgentItself(command.caller(), command.project(), command.agent());
        Instant now = clock.instant();
        AgentKey agent = new AgentKey(command.project(), command.agent());
        if (command.signal() == AgentSignal.HEARTBEAT) {
            presence.heartbeat(agent, now, command.busy(), command.requestId());
            return;
        }
        Function<AgentSession, SessionChange> announced = command.signal() == AgentSignal.STARTUP
                ? session -> session.recordStartup(now)
                : session -> session.recordShutdown(now);
        Optional<PresenceBuffer.Observation> pending = presence.take(agent);
        try {
            sessionChanges.apply(command.project(), command.agent(), command.requestId(),
                    session -> pending.map(observation -> observation.applyTo(session, schedules))
                            .map(seen -> seen.then(announced))
                            .orElseGet(() -> announced.apply(session)));
        } catch (RuntimeException failed) {
            pending.ifPresent(observation -> presence.restore(Map.of(agent, observation)));
            throw failed;
        }
    }
}
