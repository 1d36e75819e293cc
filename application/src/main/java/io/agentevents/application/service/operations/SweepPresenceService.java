package io.agentevents.application.service.operations;

import io.agentevents.application.port.in.operations.SweepPresenceUseCase;
import io.agentevents.application.port.out.AgentSessionRepository.AgentKey;
import io.agentevents.application.port.out.AgentSessionRepository.CoveredSession;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.port.out.Transactions;
import io.agentevents.application.port.out.presence.AnnouncedPresence;
import io.agentevents.application.service.PresenceBuffer;
import io.agentevents.application.service.presence.PresenceAnnouncer;
import io.agentevents.domain.RequestId;
import io.agentevents.domain.session.PresencePolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Finds the agents announced online that have been offline for the hold-down and announces them
 * offline, a batch per transaction. Every node sweeps; the marks' compare-and-set lets one
 * announce each flip. An agent whose check-in waits in this node's buffer is not offline; one
 * waiting in another node's buffer longer than the hold-down is announced, and back online by
 * that node's flush.
 */
public class SweepPresenceService implements SweepPresenceUseCase {

    /** Agents announced per transaction, so a fleet-wide outage is many short transactions, not one long one. */
    static final int BATCH = 500;

    private final AnnouncedPresence announced;
    private final PresenceAnnouncer announcer;
    private final PresenceBuffer buffer;
    private final Transactions transactions;
    private final PresencePolicy policy;
    private final Duration holdDown;
    private final Clock clock;
    private final StoreCalls calls;

    public SweepPresenceService(AnnouncedPresence announced, PresenceAnnouncer announcer, PresenceBuffer buffer,
                                Transactions transactions, PresencePolicy policy, Duration holdDown, Clock clock,
                                StoreCalls calls) {
        this.announced = announced;
        this.announcer = announcer;
        this.buffer = buffer;
        this.transactions = transactions;
        this.policy = policy;
        this.holdDown = holdDown;
        this.clock = clock;
        this.calls = calls;
    }

    @Override
    public CompletionStage<Integer> sweep() {
        return calls.supply(this::sweepNow);
    }

    private int sweepNow() {
        Instant now = clock.instant();
        // One id for the sweep's events: an operator finds what one sweep announced together.
        RequestId sweep = new RequestId(UUID.randomUUID());
        int total = 0;
        while (true) {
            List<CoveredSession> candidates = announced.mayBeOffline(policy, now, BATCH);
            List<CoveredSession> settled = candidates.stream().filter(covered -> isOfflineLongEnough(covered, now)).toList();
            int flipped = settled.isEmpty() ? 0 : transactions.inTransaction(() -> announcer.wentOffline(settled, now, sweep));
            total += flipped;
            // A batch not all settled holds agents in their hold-down: what is behind them is announced by a
            // later sweep, within the hold-down. One that announced none would only find the same again.
            if (candidates.size() < BATCH || settled.size() < candidates.size() || flipped == 0) {
                return total;
            }
        }
    }

    private boolean isOfflineLongEnough(CoveredSession covered, Instant now) {
        AgentKey agent = new AgentKey(covered.session().project(), covered.session().agent());
        return buffer.peek(agent).isEmpty()
                && policy.isOfflineFor(covered.session(), covered.projectActivation(), now, holdDown);
    }
}
