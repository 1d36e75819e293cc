package io.agentevents.application.service.agent;

import io.agentevents.application.port.in.AgentNotFoundException;
import io.agentevents.application.port.in.agent.AgentQuery;
import io.agentevents.application.port.in.agent.GetAgentStatusUseCase;
import io.agentevents.application.port.out.AgentSessionRepository;
import io.agentevents.application.port.out.AgentSessionRepository.AgentKey;
import io.agentevents.application.port.out.AgentSessionRepository.CoveredSession;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.service.FeedStamps;
import io.agentevents.application.service.PresenceBuffer;
import io.agentevents.application.service.access.Access;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.session.AgentStatus;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An agent's status as this node knows it ({@link LiveStatus}). A session read from a store
 * that may block is remembered ({@link RememberedSessions}), and a status asked again is answered
 * from it on the caller's thread, without a query, while nothing has changed the session since.
 */
public class GetAgentStatusService implements GetAgentStatusUseCase {

    private final AgentSessionRepository sessions;
    private final LiveStatus live;
    private final RememberedSessions remembered;
    private final Clock clock;
    private final StoreCalls calls;

    /** @param stamps tell when a remembered session changed; {@link FeedStamps#never()} remembers none */
    public GetAgentStatusService(AgentSessionRepository sessions, PresenceBuffer unflushed, Schedules schedules,
                                 FeedStamps stamps, Clock clock, StoreCalls calls) {
        this.calls = calls;
        this.sessions = sessions;
        this.live = new LiveStatus(unflushed, schedules);
        this.remembered = new RememberedSessions(stamps);
        this.clock = clock;
    }

    @Override
    public CompletionStage<AgentStatus> status(AgentQuery query) {
        AgentKey agent = new AgentKey(query.project(), query.agent());
        try {
            Access.requireReader(query.caller(), query.project());
        } catch (RuntimeException refused) {
            return CompletableFuture.failedFuture(refused);
        }
        // The buffer first, as before a read: a flush that writes after it is a change, and forgets the session.
        var seen = live.unflushed(agent);
        Optional<CoveredSession> known = remembered.current(agent);
        if (known.isPresent()) {
            return CompletableFuture.completedFuture(live.of(known.get(), seen, clock.instant()));
        }
        return calls.supply(() -> read(agent));
    }

    private AgentStatus read(AgentKey agent) {
        long stamp = remembered.stampBeforeRead();
        var seen = live.unflushed(agent);
        CoveredSession covered = sessions.find(agent.project(), agent.agent())
                .orElseThrow(() -> new AgentNotFoundException(agent.project(), agent.agent()));
        remembered.remember(agent, covered, stamp);
        return live.of(covered, seen, clock.instant());
    }
}
