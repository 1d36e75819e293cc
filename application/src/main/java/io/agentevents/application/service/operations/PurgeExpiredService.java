package io.agentevents.application.service.operations;

import io.agentevents.application.port.in.operations.PurgeExpiredUseCase;
import io.agentevents.application.port.out.access.AgentTokens;
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
    private final Duration eventRetention;
    private final Clock clock;
    private final StoreCalls calls;

    /** @param eventRetention events are kept at least this long */
    public PurgeExpiredService(EventLog eventLog, AgentTokens agentTokens, IdempotencyRecords idempotencyRecords,
                               Duration eventRetention, Clock clock, StoreCalls calls) {
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
        return new PurgeReport(events, tokens, keys);
    }
}
