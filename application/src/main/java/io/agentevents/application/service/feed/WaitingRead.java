package io.agentevents.application.service.feed;

import io.agentevents.application.port.out.StoreCalls;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * A read that may wait for news of one agent's feed: an agent's long-poll, or a client waiting
 * for an agent's answer. It is watching before its first read, so news between the read and the
 * wait still wakes it; it reads one read at a time on the store's calls, and a signal during a
 * read makes it read once more after it. It ends once: when a read says so, at
 * {@link #answerNow()} (its deadline, or the node stopping) with what it read last, on a
 * failure, or cancelled. Its state is guarded by its own lock, which subclasses share.
 *
 * @param <R> what a read finds
 * @param <A> what it answers
 */
public abstract class WaitingRead<R, A> implements FeedWatchers.AgentWatch {

    private final StoreCalls calls;
    private final CompletableFuture<A> answer = new CompletableFuture<>();
    /** Lets go of the watch and the deadline; run once, when it ends. */
    private Runnable release = () -> { };
    private R last;
    /** From the start: a signal before the first read begins is seen by that read. */
    private boolean reading = true;
    private boolean signalledWhileReading;
    private boolean answerWhenRead;
    private boolean ended;

    protected WaitingRead(StoreCalls calls) {
        this.calls = calls;
    }

    /** The first read; blocking, it runs on the store's calls. */
    protected abstract R firstRead();

    /** A read after a signal that the feed may have grown since {@code last}; blocking as well. */
    protected abstract R readAgain(R last);

    /** Whether the read can be answered without waiting: it has news, or there is nothing to wait for. */
    protected abstract boolean answersNow(R read);

    /** The answer a read gives; what it throws is the answer's failure. */
    protected abstract A answerOf(R read);

    /**
     * Starts the first read.
     *
     * @param watchRelease ends its watch and deadline; run once, when it ends
     */
    protected final synchronized void start(Runnable watchRelease) {
        release = watchRelease;
        readThen(this::firstRead);
    }

    /** Completes with the answer, or fails as {@link #answerOf} or a read did; cancelled by {@link #cancel()}. */
    protected final CompletionStage<A> answerStage() {
        return answer;
    }

    @Override
    public final synchronized void agentMayHaveNews() {
        if (ended) {
            return;
        }
        if (reading) {
            signalledWhileReading = true;
            return;
        }
        R read = last;
        readThen(() -> readAgain(read));
    }

    /** Answers with what it read last, at once or as soon as its first read has. */
    public final synchronized void answerNow() {
        if (last != null) {
            end(last);
        } else {
            answerWhenRead = true;
        }
    }

    /** Nobody waits for the answer any more: let go of everything, answer nothing. */
    public final void cancel() {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        release.run();
        answer.cancel(false);
    }

    /** What it waits on: its last read, when it waits and is not reading; null otherwise. Call under its lock. */
    protected final R waitingOn() {
        return ended || reading ? null : last;
    }

    /** Ends with {@code read}'s answer, unless it has ended. Call under its lock. */
    protected final void end(R read) {
        if (ended) {
            return;
        }
        ended = true;
        release.run();
        try {
            answer.complete(answerOf(read));
        } catch (RuntimeException failed) {
            answer.completeExceptionally(failed);
        }
    }

    private void readThen(Supplier<R> read) {
        reading = true;
        signalledWhileReading = false;
        calls.supply(read).whenComplete(this::read);
    }

    private synchronized void read(R read, Throwable failure) {
        reading = false;
        if (ended) {
            return;
        }
        if (failure != null) {
            ended = true;
            release.run();
            answer.completeExceptionally(failure);
            return;
        }
        last = read;
        if (answersNow(read) || answerWhenRead) {
            end(read);
        } else if (signalledWhileReading) {
            agentMayHaveNews();
        }
    }
}
