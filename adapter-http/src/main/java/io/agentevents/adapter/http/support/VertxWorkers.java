package io.agentevents.adapter.http.support;

import io.agentevents.application.port.in.ServiceBusyException;
import io.agentevents.application.port.out.StoreCalls;
import io.vertx.core.Vertx;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Calls that must stay off the event loop (a database's, a password hash), run on Vert.x's worker
 * pool, unordered so requests do not queue behind each other.
 *
 * <p>Vert.x queues work for its workers without bound, so this bounds it: beyond
 * {@value #MAX_QUEUED_WORK} calls waiting or running, a call fails at once with
 * {@link ServiceBusyException} (503), and a call that waited longer than
 * {@link #MAX_QUEUE_WAIT_SECONDS} seconds for a worker fails so instead of running for a client
 * that has likely given up.
 */
public final class VertxWorkers implements StoreCalls {

    static final int MAX_QUEUED_WORK = 1_000;
    static final long MAX_QUEUE_WAIT_SECONDS = 5;

    private final Vertx vertx;
    private final AtomicInteger queued = new AtomicInteger();
    private final int maxQueuedWork;
    private final long maxQueueWaitNanos;

    public VertxWorkers(Vertx vertx) {
        this(vertx, MAX_QUEUED_WORK, TimeUnit.SECONDS.toNanos(MAX_QUEUE_WAIT_SECONDS));
    }

    VertxWorkers(Vertx vertx, int maxQueuedWork, long maxQueueWaitNanos) {
        this.vertx = vertx;
        this.maxQueuedWork = maxQueuedWork;
        this.maxQueueWaitNanos = maxQueueWaitNanos;
    }

    @Override
    public <T> CompletionStage<T> supply(Supplier<T> call) {
        if (queued.incrementAndGet() > maxQueuedWork) {
            queued.decrementAndGet();
            return CompletableFuture.failedFuture(busy());
        }
        long queuedAt = System.nanoTime();
        return vertx.<T>executeBlocking(() -> {
            if (System.nanoTime() - queuedAt > maxQueueWaitNanos) {
                throw busy();
            }
            return call.get();
        }, false).onComplete(done -> queued.decrementAndGet()).toCompletionStage();
    }

    private static ServiceBusyException busy() {
        return new ServiceBusyException("the node has more work queued than it can answer in time; retry shortly", 1);
    }
}
