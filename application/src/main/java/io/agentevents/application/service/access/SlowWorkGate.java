package io.agentevents.application.service.access;

import io.agentevents.application.port.in.ServiceBusyException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Bounds work that costs a lot of CPU (verifying an old, deliberately slow password hash): a few
 * run at once, a bounded number wait for a bounded time, and anything beyond is refused at once
 * with {@link ServiceBusyException}, so a flood of such work can never hold the threads every
 * other request needs.
 */
public final class SlowWorkGate {

    private final Semaphore running;
    private final int maxWaiting;
    private final long maxWaitNanos;
    private final AtomicInteger waiting = new AtomicInteger();

    public SlowWorkGate(int concurrent, int maxWaiting, Duration maxWait) {
        if (concurrent < 1 || maxWaiting < 0 || maxWait.isNegative()) {
            throw new IllegalArgumentException("concurrent must be at least 1, maxWaiting and maxWait not negative");
        }
        this.running = new Semaphore(concurrent, true);
        this.maxWaiting = maxWaiting;
        this.maxWaitNanos = maxWait.toNanos();
    }

    /** Half the cores (at least one), 32 waiting at most 2 s: the rest of the node keeps its CPU. */
    public static SlowWorkGate forThisMachine() {
        return new SlowWorkGate(Math.max(1, Runtime.getRuntime().availableProcessors() / 2), 32, Duration.ofSeconds(2));
    }

    /** @throws ServiceBusyException if no place frees up in time, or too many already wait */
    public <T> T run(Supplier<T> work) {
        if (!running.tryAcquire()) {
            awaitPlace();
        }
        try {
            return work.get();
        } finally {
            running.release();
        }
    }

    private void awaitPlace() {
        if (waiting.incrementAndGet() > maxWaiting) {
            waiting.decrementAndGet();
            throw busy();
        }
        try {
            if (!running.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS)) {
                throw busy();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw busy();
        } finally {
            waiting.decrementAndGet();
        }
    }

    private static ServiceBusyException busy() {
        return new ServiceBusyException("too many sign-ins are being verified; retry shortly", 1);
    }
}
