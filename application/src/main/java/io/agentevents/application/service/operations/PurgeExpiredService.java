package io.agentevents.application.service.operations;

import io.agentevents.application.port.in.operations.PurgeExpiredUseCase;
import io.agentevents.application.port.out.access.AgentTokens;
import io.agentevents.application.port.out.AgentRequests;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.IdempotencyRecords;
import io.agentevents.application.port.out.StoreCalls;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

public class PurgeExpiredService implements PurgeExpiredUseCase {

    private final EventLog eventLog;
    private final AgentTokens agentTokens;
    private final IdempotencyRecords idempotencyRecords;
    private final AgentRequests requests;
    private final Duration eventRetention;
    private final Duration requestTtl;
    private final Clock clock;
    private final StoreCalls calls;

    /**
     * @param eventRetention events are kept at least this long
     * @param requestTtl     requests made of agents are kept this long again once expired, so that
     *                       for a while they read as expired rather than unknown
     */
    public PurgeExpiredService(EventLog eventLog, AgentTokens agentTokens, IdempotencyRecords idempotencyRecords,
                               AgentRequests requests, Duration eventRetention, Duration requestTtl, Clock clock,
                               StoreCalls calls) {
        this.requests = requests;
        this.requestTtl = requestTtl;
        this.calls = calls;
        this.eventLog = eventLog;
        this.agentTokens = agentTokens;
        this.idempotencyRecords = idempotencyRecords;
        this.eventRetention = eventRetention;
        this.clock = clock;
    }

    @Override
    public CompletionStage<PurgeReport> purge() {
        return calls.supply(() -> purgeNow());
    }

    private PurgeReport purgeNow() {
        Instant now = clock.instant();
        long events = eventLog.purgeBefore(now.minus(eventRetention));
        long tokens = agentTokens.purgeExpired(now);
        long keys = idempotencyRecords.purgeExpired(now);
        long expiredRequests = requests.purgeExpiredBefore(now.minus(requestTtl));
        return new PurgeReport(events, tokens, keys, expiredRequests);
    }
}
