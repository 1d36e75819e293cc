package io.agentevents.application.service.feed;

/**
 * One shared read at a time, for signals that may come at once from many threads: a signal
 * during a read makes exactly one more read after it, however many came, so nothing signalled
 * is left unread and no two reads overlap.
 */
final class OneReadAtATime {

    /** A read; it runs {@code done} once it has finished, on whatever thread it ends. */
    interface Read {
        void run(Runnable done);
    }

    private final Read read;
    private boolean reading;
    private boolean signalledWhileReading;

    OneReadAtATime(Read read) {
        this.read = read;
    }

    /** There may be something new: read now, or once more after the read under way. */
    void signal() {
        synchronized (this) {
            if (reading) {
                signalledWhileReading = true;
                return;
            }
            reading = true;
            signalledWhileReading = false;
        }
        read.run(this::finished);
    }

    private void finished() {
        boolean again;
        synchronized (this) {
            reading = false;
            again = signalledWhileReading;
        }
        if (again) {
            signal();
        }
    }
}
