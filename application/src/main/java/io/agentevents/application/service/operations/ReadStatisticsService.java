package io.agentevents.application.service.operations;

import io.agentevents.application.port.in.operations.ReadStatisticsUseCase;
import io.agentevents.application.port.in.operations.ServiceStatistics;
import io.agentevents.application.port.out.AgentRequests;
import io.agentevents.application.port.out.AgentSessionRepository;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.session.PresencePolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts online agents with the same presence rules as the status endpoint, over the sessions
 * seen within the longest online window (an agent seen earlier is offline in every mode).
 */
public class ReadStatisticsService implements ReadStatisticsUseCase {

    private final AgentSessionRepository sessions;
    private final EventLog eventLog;
    private final AgentRequests requests;
    private final PresencePolicy presence;
    private final Clock clock;
    private final StoreCalls calls;

    public ReadStatisticsService(AgentSessionRepository sessions, EventLog eventLog, AgentRequests requests,
                                 PresencePolicy presence, Clock clock, StoreCalls calls) {
        this.requests = requests;
        this.calls = calls;
        this.sessions = sessions;
        this.eventLog = eventLog;
        this.presence = presence;
        this.clock = clock;
    }

    @Override
    public CompletionStage<ServiceStatistics> read() {
        return calls.supply(() -> readNow());
    }

    private ServiceStatistics readNow() {
        Instant now = clock.instant();
        Duration longestWindow = Arrays.stream(Mode.values()).map(presence::onlineWindow)
                .max(Duration::compareTo).orElseThrow();
        AtomicLong online = new AtomicLong();
        sessions.forEachSeenSince(now.minus(longestWindow), covered -> {
            if (presence.isOnline(covered.session(), covered.projectActivation(), now)) {
                online.incrementAndGet();
            }
        });
        return new ServiceStatistics(online.get(), eventLog.size(), requests.size());
    }
}
