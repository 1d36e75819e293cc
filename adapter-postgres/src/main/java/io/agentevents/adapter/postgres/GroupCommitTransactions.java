package io.agentevents.adapter.postgres;

import io.agentevents.application.port.out.StoreUnavailableException;
import io.agentevents.application.port.out.Transactions;
import io.agentevents.domain.ProjectId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for the work the services mark as fit to share a commit ({@link
 * Transactions#inSharedTransaction}): such transactions that arrive while the previous group
 * commits are run together, one after the other, in one database transaction with one commit. A
 * commit costs a WAL flush, and appends of one project wait for each other on its event counter
 * until commit, so one commit for many appends is what lets a project take thousands of
 * activations a second. Other transactions run as before, each alone on the caller's thread:
 * they lock agents' sessions before the counter, and grouped with others they could wait in a
 * circle with another node's group.
 *
 * <p>The stores hold a group's writes back ({@link GroupWrites}) and write them together before the
 * commit, so a group costs a fixed number of round trips however many requests it carries. A
 * group runs its work ordered by project, so groups of several nodes take projects' locks in the
 * same order. Work that fails for a rule of its own has its writes dropped and its caller gets
 * its failure, while the others commit. Work that fails for a database reason (a lost
 * connection, a deadlock) breaks the transaction: the group is rolled back and every request of
 * it runs again alone, as if it had never been grouped (even when the flush would not have noticed). Callers wait until the commit, so a
 * success still means committed; if the commit itself fails, every caller of the group gets the
 * failure, since the outcome is unknown and running the work again could store it twice.
 */
public final class GroupCommitTransactions implements Transactions, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitTransactions.class);
    /** Enough to share a commit among every request a node has in flight, not so many that one group runs long. */
    static final int MAX_GROUP = 256;
    /** Beyond this many waiting, a transaction is refused at once (503) rather than queued behind minutes of work. */
    static final int MAX_WAITING = 10_000;

    private final PostgresStore store;
    private final BlockingQueue<PendingWork<?>> queue = new LinkedBlockingQueue<>();
    private final Thread committer;
    private volatile boolean running = true;
    private final AtomicLong commits = new AtomicLong();
    private final int maxWaiting;

    public GroupCommitTransactions(PostgresStore store) {
        this(store, MAX_WAITING);
    }

    GroupCommitTransactions(PostgresStore store, int maxWaiting) {
        this.store = store;
        this.maxWaiting = maxWaiting;
        this.committer = new Thread(this::commitGroups, "agent-events-group-commit");
        committer.setDaemon(true);
        committer.start();
    }

    /** Alone, on the caller's thread; joins the group's transaction when called from within one. */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (Thread.currentThread() == committer) {
            return work.get();
        }
        return store.inTransaction(work);
    }

    /** Queues the work for the next group and returns at once; the stage completes on the committer's thread. */
    @Override
    public <T> CompletionStage<T> inSharedTransaction(ProjectId project, Supplier<T> work) {
        if (Thread.currentThread() == committer) {
            return Transactions.super.inSharedTransaction(project, work); // nested: joins the group's transaction
        }
        if (!running) {
            return CompletableFuture.failedFuture(new StoreUnavailableException("the store is closing", null));
        }
        try {
            return enqueue(project, work).result;
        } catch (StoreUnavailableException full) {
            return CompletableFuture.failedFuture(full);
        }
    }

    private <T> PendingWork<T> enqueue(ProjectId project, Supplier<T> work) {
        if (queue.size() >= maxWaiting) {
            throw new StoreUnavailableException("too many transactions are waiting for their commit", null);
        }
        PendingWork<T> pending = new PendingWork<>(project, work);
        queue.add(pending);
        return pending;
    }

    private void commitGroups() {
        List<PendingWork<?>> group = new ArrayList<>(MAX_GROUP);
        while (running || !queue.isEmpty()) {
            try {
                PendingWork<?> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                commit(group);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException unexpected) {
                LOG.error("group commit failed unexpectedly", unexpected);
                group.forEach(pending -> pending.result.completeExceptionally(unexpected));
            } finally {
                group.clear();
            }
        }
    }

    private void commit(List<PendingWork<?>> group) {
        if (group.size() == 1) {
            group.get(0).runAlone(store, commits);
            return;
        }
        // Every node's groups take projects' locks in the same order; a stable sort keeps arrival order within a project.
        group.sort(Comparator.<PendingWork<?>, String>comparing(pending -> pending.project.value()));
        boolean[] workDone = {false};
        try {
            store.inTransactionOnHandle(handle -> {
                GroupWrites writes = new GroupWrites();
                store.holdingWrites(writes, () -> {
                    group.forEach(pending -> pending.runInGroup(writes));
                    return null;
                });
                if (group.stream().anyMatch(pending -> pending.retryAlone)) {
                    // PostgreSQL turns the COMMIT of a broken transaction into a silent rollback, which
                    // would lose the others' work while reporting it done: roll back and run each alone.
                    throw new BrokenGroup();
                }
                writes.flush(handle);
                store.announceAfterCommit(handle, writes.notifications());
                workDone[0] = true;
                return null;
            });
            commits.incrementAndGet();
        } catch (RuntimeException failed) {
            if (workDone[0] && !(failed instanceof BrokenGroup)) {
                // The commit failed: whether it happened is unknown, so nobody may run again.
                group.forEach(pending -> pending.result.completeExceptionally(failed));
            } else {
                // Rolled back before the commit: nothing happened, each runs alone.
                group.forEach(pending -> pending.runAlone(store, commits));
            }
            return;
        }
        for (PendingWork<?> pending : group) {
            if (pending.retryAlone) {
                pending.runAlone(store, commits);
            } else {
                pending.complete();
            }
        }
    }

    /** The group's transaction was broken by one request's database failure before anything was flushed. */
    private static final class BrokenGroup extends RuntimeException {
        BrokenGroup() {
            super("a request of the group failed in the database", null, false, false);
        }
    }

    /** Database transactions committed so far: fewer than the transactions asked for when they share. */
    public long commits() {
        return commits.get();
    }

    /** Transactions waiting for the committer now. */
    int waiting() {
        return queue.size();
    }

    /** Lets the queued work finish, then stops the committer. */
    @Override
    public void close() {
        running = false;
        try {
            committer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
