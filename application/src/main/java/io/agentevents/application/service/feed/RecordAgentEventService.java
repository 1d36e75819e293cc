package io.agentevents.application.service.feed;

import io.agentevents.application.port.in.feed.AgentSignal;
import io.agentevents.application.port.in.feed.RecordAgentEventCommand;
import io.agentevents.application.port.in.feed.RecordAgentEventUseCase;
import io.agentevents.application.port.out.AgentSessionRepository.AgentKey;
import io.agentevents.application.port.out.AgentSessionRepository;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.port.out.Transactions;
import io.agentevents.application.service.PresenceBuffer;
import io.agentevents.application.service.SessionChanges;
import io.agentevents.application.service.access.Access;
import io.agentevents.application.service.presence.PresenceAnnouncer;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.session.AgentSession;
import io.agentevents.domain.session.SessionChange;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

public class RecordAgentEventService implements RecordAgentEventUseCase {

    private final SessionChanges sessionChanges;
    private final PresenceBuffer presence;
    private final Schedules schedules;
    private final Clock clock;
    private final StoreCalls calls;
    private final Transactions transactions;
    private final PresenceAnnouncer announcer;

    /** @param announcer announces the presence flip of a startup or a shutdown */
    public RecordAgentEventService(AgentSessionRepository sessions, EventLog eventLog, Transactions transactions,
                                   PresenceBuffer presence, PresenceAnnouncer announcer, Schedules schedules, Clock clock,
                                   StoreCalls calls) {
        this.calls = calls;
        this.transactions = transactions;
        this.announcer = announcer;
        this.sessionChanges = new SessionChanges(sessions, eventLog, transactions);
        this.presence = presence;
        this.schedules = schedules;
        this.clock = clock;
    }

    /**
     * A heartbeat only joins this node's presence buffer (written within one flush interval);
     * a startup or shutdown is written now, after whatever presence of the agent was pending, so
     * an older heartbeat can never undo it. A heartbeat completes at once, whatever the store.
     */
    @Override
    public CompletionStage<Void> record(RecordAgentEventCommand command) {
        if (command.signal() != AgentSignal.HEARTBEAT) {
            return calls.supply(() -> {
                announce(command);
                return null;
            });
        }
        try {
            Access.requireAgentItself(command.caller(), command.project(), command.agent());
            presence.heartbeat(new AgentKey(command.project(), command.agent()), clock.instant(), command.busy(),
                    command.requestId());
            return CompletableFuture.completedFuture(null);
        } catch (RuntimeException refused) {
            return CompletableFuture.failedFuture(refused);
        }
    }

    private void announce(RecordAgentEventCommand command) {
        Access.requireAgentItself(command.caller(), command.project(), command.agent());
        Instant now = clock.instant();
        AgentKey agent = new AgentKey(command.project(), command.agent());
        Function<AgentSession, SessionChange> announced = command.signal() == AgentSignal.STARTUP
                ? session -> session.recordStartup(now)
                : session -> session.recordShutdown(now);
        Optional<PresenceBuffer.Observation> pending = presence.take(agent);
        try {
            transactions.inTransaction(() -> {
                SessionChange change = sessionChanges.apply(command.project(), command.agent(), command.requestId(),
                        covered -> pending.map(observation -> observation.applyTo(covered, schedules))
                                .map(seen -> seen.then(announced))
                                .orElseGet(() -> announced.apply(covered.session())));
                if (command.signal() == AgentSignal.STARTUP) {
                    announcer.appendSeen(Map.of(), Map.of(agent, new PresenceAnnouncer.Seen(now, command.requestId())));
                } else {
                    announcer.shutDown(agent, change.next().lastCheckInAt(), now, command.requestId());
                }
                return change;
            });
        } catch (RuntimeException failed) {
            pending.ifPresent(observation -> presence.restore(Map.of(agent, observation)));
            throw failed;
        }
    }
}
