package io.agentevents.adapter.postgres;

import io.agentevents.application.port.out.StoreUnavailableException;
import io.agentevents.domain.ProjectId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** One request's work waiting for {@link GroupCommitTransactions}, and how it ends: in the group, or alone. */
final class PendingWork<T> {
    final ProjectId project;
    final Supplier<T> work;
    final CompletableFuture<T> result = new CompletableFuture<>();
    T value;
    RuntimeException failure;
    boolean retryAlone;

    PendingWork(ProjectId project, Supplier<T> work) {
        this.project = project;
        this.work = work;
    }

    /** Runs the work with its writes held back; if it fails, its writes are dropped and the others stay. */
    void runInGroup(GroupWrites writes) {
        GroupWrites.Mark mark = writes.mark();
        try {
            value = work.get();
        } catch (RuntimeException failed) {
            // A statement that failed in the database leaves the transaction broken: the flush then fails the group.
            writes.dropSince(mark);
            failure = failed;
            retryAlone = !isFinal(failed);
        }
    }

    void complete() {
        if (failure != null) {
            result.completeExceptionally(failure);
        } else {
            result.complete(value);
        }
    }

    void runAlone(PostgresStore store, AtomicLong commits) {
        try {
            T alone = store.inTransaction(work);
            commits.incrementAndGet();
            result.complete(alone);
        } catch (RuntimeException failed) {
            result.completeExceptionally(failed);
        }
    }

    /** Rule breaks of the request, not of the database: running the work again changes nothing. */
    static boolean isFinal(RuntimeException failure) {
        return !(failure instanceof StoreUnavailableException)
                && !(failure instanceof org.jdbi.v3.core.JdbiException);
    }
}
