package io.agentevents.application.service.operations;

import io.agentevents.application.port.out.AgentSessionRepository.CoveredSession;
import io.agentevents.application.port.in.operations.FlushPresenceUseCase;
import io.agentevents.application.port.out.AgentSessionRepository.AgentKey;
import io.agentevents.application.port.out.AgentSessionRepository;
import io.agentevents.application.port.out.NewEvent;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.port.out.Transactions;
import io.agentevents.application.service.PresenceBuffer;
import io.agentevents.application.service.presence.PresenceAnnouncer;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.session.AgentSession;
import io.agentevents.domain.session.SessionChange;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

public class FlushPresenceService implements FlushPresenceUseCase {

    private final PresenceBuffer buffer;
    private final AgentSessionRepository sessions;
    private final Transactions transactions;
    private final Schedules schedules;
    private final StoreCalls calls;
    private final PresenceAnnouncer announcer;

    /** @param announcer appends the heartbeat events a flush causes, and the presence flips it shows */
    public FlushPresenceService(PresenceBuffer buffer, AgentSessionRepository sessions, PresenceAnnouncer announcer,
                                Transactions transactions, Schedules schedules, StoreCalls calls) {
        this.calls = calls;
        this.buffer = buffer;
        this.sessions = sessions;
        this.announcer = announcer;
        this.transactions = transactions;
        this.schedules = schedules;
    }

    @Override
    public CompletionStage<Integer> flush() {
        return calls.supply(() -> flushNow());
    }

    private int flushNow() {
        Map<AgentKey, PresenceBuffer.Observation> drained = buffer.drain();
        if (drained.isEmpty()) {
            return 0;
        }
        Map<AgentKey, Function<CoveredSession, SessionChange>> changes = new HashMap<>();
        drained.forEach((agent, observation) -> changes.put(agent, covered -> observation.applyTo(covered, schedules)));
        try {
            int flushed = transactions.inTransaction(() -> {
                List<SessionChange> applied = sessions.updateAll(changes);
                Map<ProjectId, List<NewEvent>> events = new HashMap<>();
                Map<AgentKey, PresenceAnnouncer.Seen> seen = new HashMap<>();
                for (SessionChange change : applied) {
                    AgentKey agent = new AgentKey(change.next().project(), change.next().agent());
                    PresenceBuffer.Observation observation = drained.get(agent);
                    RequestId request = observation.requestId();
                    if (!change.next().shutDown()) { // a check-in from before its shutdown brings no one back
                        seen.put(agent, new PresenceAnnouncer.Seen(observation.seenAt(), request));
                    }
                    change.events().forEach(event -> events.computeIfAbsent(agent.project(),
                            ignored -> new ArrayList<>()).add(new NewEvent(event, request)));
                }
                announcer.appendSeen(events, seen);
                return applied.size();
            });
            buffer.written(drained);
            return flushed;
        } catch (RuntimeException failed) {
            buffer.restore(drained);
            throw failed;
        }
    }
}
