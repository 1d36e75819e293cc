package io.agentevents.application.service.access;

import java.util.concurrent.atomic.LongAdder;

/** Counts of wrong sign-ins on this node, read by the metrics. */
public final class SignInCounters {

    private final LongAdder wrong = new LongAdder();
    private final LongAdder answeredLate = new LongAdder();
    private final LongAdder answeredWithoutStore = new LongAdder();
    private final LongAdder bursts = new LongAdder();

    void wrong(boolean late, boolean withoutStore) {
        wrong.increment();
        if (late) {
            answeredLate.increment();
        }
        if (withoutStore) {
            answeredWithoutStore.increment();
        }
    }

    void burstBegan() {
        bursts.increment();
    }

    /** Sign-ins refused for an unknown agent or a wrong password. */
    public long wrongCount() {
        return wrong.sum();
    }

    /** Of those, the ones answered late. */
    public long answeredLateCount() {
        return answeredLate.sum();
    }

    /** Of those, the ones told apart from the right password by a remembered hash, without a worker or the store. */
    public long answeredWithoutStoreCount() {
        return answeredWithoutStore.sum();
    }

    /** Bursts of wrong passwords (of one agent or from one address) that began to be answered late. */
    public long burstCount() {
        return bursts.sum();
    }
}
