package io.agentevents.application.port.out;

import io.agentevents.domain.ProjectId;
import java.util.function.Supplier;

/**
 * Runs a use case's writes as one unit, so a failure leaves nothing half-written. Stores that
 * are used within the work join the transaction.
 */
@FunctionalInterface
public interface Transactions {

    /**
     * @return what {@code work} returned
     * @throws StoreUnavailableException if the store cannot be reached; nothing was written
     */
    <T> T inTransaction(Supplier<T> work);

    /**
     * Like {@link #inTransaction}, but the store may run the work in one database transaction
     * with other work arriving at the same time, to share a commit (group commit). Still all or
     * nothing for this work, and committed when it returns. Only for work that locks nothing
     * but rows of {@code project} that come before its event counter (the project's activation,
     * say), so that shared transactions, ordered by project, can never wait for each other in a
     * circle.
     */
    default <T> T inSharedTransaction(ProjectId project, Supplier<T> work) {
        return inTransaction(work);
    }
}
