package io.agentevents.application.service.access;

import java.util.concurrent.atomic.LongAdder;

/** Counts of how user tokens were checked with the identity service, read by the metrics. */
public final class IdentityCounters {

    private final LongAdder remembered = new LongAdder();
    private final LongAdder joined = new LongAdder();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder unavailable = new LongAdder();

    void remembered() {
        remembered.increment();
    }

    void joined() {
        joined.increment();
    }

    void validated(boolean known) {
        (known ? accepted : refused).increment();
    }

    void unavailable() {
        unavailable.increment();
    }

    /** Requests answered from a remembered verdict, without asking the identity service. */
    public long rememberedCount() {
        return remembered.sum();
    }

    /** Requests that waited for a validation another request of the same token had started. */
    public long joinedCount() {
        return joined.sum();
    }

    /** Validations the identity service answered with a grant. */
    public long acceptedCount() {
        return accepted.sum();
    }

    /** Validations the identity service answered that it does not know the token. */
    public long refusedCount() {
        return refused.sum();
    }

    /** Validations the identity service did not answer in time, or refused this service's own account for. */
    public long unavailableCount() {
        return unavailable.sum();
    }
}
