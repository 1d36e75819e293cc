package io.agentevents.adapter.http;

import io.agentevents.application.port.in.ServiceBusyException;
import io.agentevents.application.port.out.StoreCalls;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Where use cases run. Work on a store that may block (a database) goes to Vert.x's worker pool,
 * unordered so requests do not queue behind each other; on a store that never blocks (the
 * in-memory one) it runs inline on the event loop, sparing two thread hand-offs per request.
 * Slow work (password hashing) always goes to a worker.
 *
 * <p>Vert.x queues work for its workers without bound, so this bounds it: beyond
 * {@value #MAX_QUEUED_WORK} calls waiting or running, a request answers 503 at once, and work that
 * waited longer than {@link #MAX_QUEUE_WAIT_SECONDS} seconds for a worker answers 503 instead of
 * running for a client that has likely given up.
 */
public final class Blocking implements StoreCalls {

    static final int MAX_QUEUED_WORK = 1_000;
    static final long MAX_QUEUE_WAIT_SECONDS = 5;

    private final Vertx vertx;
    private final boolean storeMayBlock;
    private final AtomicInteger queued = new AtomicInteger();
    private final int maxQueuedWork;
    private final long maxQueueWaitNanos;

    /** For a store that may block. */
    public Blocking(Vertx vertx) {
        this(vertx, true);
    }

    public Blocking(Vertx vertx, boolean storeMayBlock) {
        this(vertx, storeMayBlock, MAX_QUEUED_WORK, TimeUnit.SECONDS.toNanos(MAX_QUEUE_WAIT_SECONDS));
    }

    Blocking(Vertx vertx, boolean storeMayBlock, int maxQueuedWork, long maxQueueWaitNanos) {
        this.vertx = vertx;
        this.storeMayBlock = storeMayBlock;
        this.maxQueuedWork = maxQueuedWork;
        this.maxQueueWaitNanos = maxQueueWaitNanos;
    }

    /** Whether store work goes to a worker. */
    public boolean storeMayBlock() {
        return storeMayBlock;
    }

    /** Store work for a service that continues from its answer: {@link #call}, as a stage. */
    @Override
    public <T> CompletionStage<T> supply(Supplier<T> work) {
        return call(work::get).toCompletionStage();
    }

    /** Store work: fast unless the store blocks. */
    public <T> Future<T> call(Callable<T> work) {
        if (storeMayBlock) {
            return onWorker(work);
        }
        try {
            return Future.succeededFuture(work.call());
        } catch (Exception failed) {
            return Future.failedFuture(failed);
        }
    }

    public Future<Reply> run(Runnable work, Reply reply) {
        return call(() -> {
            work.run();
            return reply;
        });
    }

    /** Work that is slow whatever the store (a password hash takes a fraction of a second). */
    public <T> Future<T> offEventLoop(Callable<T> work) {
        return onWorker(work);
    }

    private <T> Future<T> onWorker(Callable<T> work) {
        if (queued.incrementAndGet() > maxQueuedWork) {
            queued.decrementAndGet();
            return Future.failedFuture(busy());
        }
        long queuedAt = System.nanoTime();
        return vertx.<T>executeBlocking(() -> {
            if (System.nanoTime() - queuedAt > maxQueueWaitNanos) {
                throw busy();
            }
            return work.call();
        }, false).onComplete(done -> queued.decrementAndGet());
    }

    private static ServiceBusyException busy() {
        return new ServiceBusyException("the node has more work queued than it can answer in time; retry shortly", 1);
    }
}
