package io.agentevents.bootstrap.logging;

import ch.qos.logback.core.OutputStreamAppender;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes encoded events to standard output through a buffer of its own, emptied when it is full
 * and when {@link #flush()} is called: fed by a {@link QueuedAppender}, one batch of access lines
 * costs one {@code write} instead of one per line (logback's {@code ConsoleAppender} writes and
 * flushes every event, and {@code System.out} flushes every write). Lines are never split: the
 * buffer is emptied before a line that does not fit. Stopping flushes it and leaves standard
 * output open for the other appenders.
 */
public final class BatchedOutputAppender<E> extends OutputStreamAppender<E> implements Flushable {

    static final int BUFFER_BYTES = 64 * 1024;

    private OutputStream target = new FileOutputStream(FileDescriptor.out);

    /** Where the bytes go instead of standard output. */
    void setTarget(OutputStream target) {
        this.target = target;
    }

    @Override
    public void start() {
        setImmediateFlush(false);
        setOutputStream(new BufferedOutputStream(target, BUFFER_BYTES));
        super.start();
    }

    @Override
    public void flush() {
        streamWriteLock.lock();
        try {
            OutputStream stream = getOutputStream();
            if (stream != null) {
                stream.flush();
            }
        } catch (IOException failed) {
            addError("could not write log lines", failed);
        } finally {
            streamWriteLock.unlock();
        }
    }

    /** Flushes instead of closing: standard output stays open for whoever else writes to it. */
    @Override
    protected void closeOutputStream() {
        flush();
    }
}
