package io.agentevents.bootstrap;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/** The one thread that ends waiting long-polls at their deadline. */
final class LongPollDeadlines {

    private LongPollDeadlines() {
    }

    /** Most polls end before their deadline and cancel it: cancelled deadlines are dropped at once. */
    static ScheduledExecutorService start() {
        ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1, work -> {
            Thread thread = new Thread(work, "long-poll-deadlines");
            thread.setDaemon(true);
            return thread;
        });
        deadlines.setRemoveOnCancelPolicy(true);
        return deadlines;
    }
}
