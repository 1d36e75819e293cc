package io.agentevents.bootstrap.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;
import java.io.Flushable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Hands log events to its appenders from a thread of its own, a batch every
 * {@code flushEveryMillis}. The logging thread only queues an event, or drops it when the queue
 * is full: it never waits and never wakes the writer. Logback's {@code AsyncAppender} wakes its
 * worker for every event, which cost the event loop about 7 µs per access line on the benchmark
 * machine (docs/BENCHMARKS.md). A line reaches the output at most one period late; stopping
 * writes everything still queued. Appenders that buffer ({@link java.io.Flushable}) are flushed
 * after each batch. The appenders it feeds may be shared with other loggers, so it never stops them.
 */
public final class QueuedAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
        implements AppenderAttachable<ILoggingEvent> {

    private static final long STOP_TIMEOUT_MILLIS = 5_000;

    private final AppenderAttachableImpl<ILoggingEvent> appenders = new AppenderAttachableImpl<>();
    private final AtomicLong dropped = new AtomicLong();
    private int queueSize = 8192;
    private int flushEveryMillis = 20;
    private BlockingQueue<ILoggingEvent> queue;
    private Thread writer;

    public void setQueueSize(int queueSize) {
        this.queueSize = queueSize;
    }

    public void setFlushEveryMillis(int flushEveryMillis) {
        this.flushEveryMillis = flushEveryMillis;
    }

    @Override
    public void start() {
        if (isStarted()) {
            return;
        }
        if (queueSize < 1 || flushEveryMillis < 1) {
            addError("queueSize and flushEveryMillis must be at least 1");
            return;
        }
        if (!appenders.iteratorForAppenders().hasNext()) {
            addError("no appender to hand events to: add an appender-ref");
            return;
        }
        queue = new ArrayBlockingQueue<>(queueSize);
        writer = new Thread(this::writeUntilStopped, "log-writer-" + getName());
        writer.setDaemon(true);
        super.start();
        writer.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        event.prepareForDeferredProcessing(); // the writer formats it later, on another thread
        if (!queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    private void writeUntilStopped() {
        List<ILoggingEvent> batch = new ArrayList<>();
        while (isStarted()) {
            try {
                TimeUnit.MILLISECONDS.sleep(flushEveryMillis);
            } catch (InterruptedException stopping) {
                break;
            }
            writeQueued(batch);
        }
        writeQueued(batch);
    }

    private void writeQueued(List<ILoggingEvent> batch) {
        queue.drainTo(batch);
        for (ILoggingEvent event : batch) {
            appenders.appendLoopOnAppenders(event);
        }
        if (!batch.isEmpty()) {
            flushAppenders();
        }
        batch.clear();
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            addWarn(lost + " log events dropped: the queue of " + queueSize + " was full");
        }
    }

    /** Appenders that buffer (a {@link BatchedOutputAppender}) write the whole batch at once. */
    private void flushAppenders() {
        for (Iterator<Appender<ILoggingEvent>> it = appenders.iteratorForAppenders(); it.hasNext(); ) {
            if (it.next() instanceof Flushable buffered) {
                try {
                    buffered.flush();
                } catch (IOException failed) {
                    addError("could not write log lines", failed);
                }
            }
        }
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        writer.interrupt();
        try {
            writer.join(STOP_TIMEOUT_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void addAppender(Appender<ILoggingEvent> appender) {
        appenders.addAppender(appender);
    }

    @Override
    public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
        return appenders.iteratorForAppenders();
    }

    @Override
    public Appender<ILoggingEvent> getAppender(String name) {
        return appenders.getAppender(name);
    }

    @Override
    public boolean isAttached(Appender<ILoggingEvent> appender) {
        return appenders.isAttached(appender);
    }

    @Override
    public void detachAndStopAllAppenders() {
        appenders.detachAndStopAllAppenders();
    }

    @Override
    public boolean detachAppender(Appender<ILoggingEvent> appender) {
        return appenders.detachAppender(appender);
    }

    @Override
    public boolean detachAppender(String name) {
        return appenders.detachAppender(name);
    }
}
