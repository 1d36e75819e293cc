package io.agentevents.bootstrap;

import io.agentevents.application.port.in.operations.FlushPresenceUseCase;
import io.agentevents.application.port.in.operations.PurgeExpiredUseCase;
import io.agentevents.application.port.out.StoreUnavailableException;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The node's timers: the purge of expired events and tokens, and the presence flush. */
final class BackgroundTasks {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);

    private BackgroundTasks() {
    }

    /** Purges often enough that nothing outlives its retention by more than a fifth of it (at most a minute). */
    static void schedulePurge(Vertx vertx, PurgeExpiredUseCase purge, Duration retention) {
        long every = Math.max(100, Math.min(retention.toMillis() / 5, Duration.ofMinutes(1).toMillis()));
        vertx.setPeriodic(every, timer -> purge.purge().whenComplete((report, failed) -> {
            Throwable cause = causeOf(failed);
            if (cause instanceof StoreUnavailableException) {
                LOG.debug("purge skipped: the store is unreachable");
            } else if (cause != null) {
                LOG.warn("purge of expired events and tokens failed; will retry", cause);
            } else if (report.events() > 0) {
                LOG.debug("purged {}", report);
            }
        }));
    }

    /**
     * Writes buffered presence every {@code interval}, one flush at a time ({@code flushing} is set
     * while one writes); a flush that fails keeps its observations for the next.
     *
     * @return the timer's id
     */
    static long scheduleFlush(Vertx vertx, FlushPresenceUseCase flush, AtomicBoolean flushing, Duration interval) {
        return vertx.setPeriodic(interval.toMillis(), timer -> {
            if (flushing.getAndSet(true)) {
                return;
            }
            flush.flush().whenComplete((written, failed) -> {
                flushing.set(false);
                Throwable cause = causeOf(failed);
                if (cause != null && !(cause instanceof StoreUnavailableException)) {
                    LOG.warn("writing presence failed; will retry", cause);
                }
            });
        });
    }

    /** What failed, unwrapped from the stage's wrapper; null if nothing did. */
    private static Throwable causeOf(Throwable failed) {
        return failed instanceof CompletionException && failed.getCause() != null ? failed.getCause() : failed;
    }
}
