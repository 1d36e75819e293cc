package io.agentevents.application.port.out;

import io.agentevents.domain.ProjectId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
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
     * with other work arriving at the same time, to share a commit (group commit), and without
     * holding the caller's thread while the work waits for its group. Still all or nothing for
     * this work. Only for work that appends to the event log of {@code project} first and then
     * locks nothing but rows of that project (its activation, say), so that shared transactions,
     * ordered by project, can never wait for each other in a circle. The default runs the work at
     * once, alone, on the caller's thread: right for a store that never blocks.
     *
     * @return completes with what {@code work} returned once it is committed; fails as the work
     *         would have thrown, or with {@link StoreUnavailableException}
     */
    default <T> CompletionStage<T> inSharedTransaction(ProjectId project, Supplier<T> work) {
        try {
            return CompletableFuture.completedFuture(inTransaction(work));
        } catch (RuntimeException failed) {
            return CompletableFuture.failedFuture(failed);
        }
    }
}
