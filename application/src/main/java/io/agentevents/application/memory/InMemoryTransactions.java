package io.agentevents.application.memory;

import io.agentevents.application.port.out.Transactions;
import java.util.function.Supplier;

/**
 * Runs the work as it is. The in-memory stores check everything before they change anything
 * and cannot become unreachable, so there is nothing to roll back; nothing survives a restart
 * anyway. The signals of the work's appends are raised once it has done all its changes.
 */
public class InMemoryTransactions implements Transactions {

    private final InMemoryEventSignals signals;

    /** Transactions whose appends raise no signals. */
    public InMemoryTransactions() {
        this(new InMemoryEventSignals());
    }

    public InMemoryTransactions(InMemoryEventSignals signals) {
        this.signals = signals;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return signals.holdingSignals(work);
    }
}
