package io.agentevents.bootstrap;

import io.agentevents.application.port.in.operations.FlushPresenceUseCase;
import io.agentevents.application.port.in.operations.PurgeExpiredUseCase;
import io.agentevents.application.port.in.operations.SweepPresenceUseCase;
import io.agentevents.application.port.out.StoreUnavailableException;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The node's timers: the purge of expired events and tokens, the presence flush, and the presence sweep. */
final class BackgroundTasks {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTasks.class);
    static final Duration SWEEP_EVERY = Duration.ofSeconds(1);

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

    /**
     * Announces offline, every second, the agents offline for the hold-down; one sweep at a time.
     * A second's lag is small beside a hold-down of seconds.
     */
    static void scheduleSweep(Vertx vertx, SweepPresenceUseCase sweep) {
        AtomicBoolean sweeping = new AtomicBoolean();
        vertx.setPeriodic(SWEEP_EVERY.toMillis(), timer -> {
            if (sweeping.getAndSet(true)) {
                return;
            }
            sweep.sweep().whenComplete((announced, failed) -> {
                sweeping.set(false);
                Throwable cause = causeOf(failed);
                if (cause instanceof StoreUnavailableException) {
                    LOG.debug("presence sweep skipped: the store is unreachable");
                } else if (cause != null) {
                    LOG.warn("announcing offline agents failed; will retry", cause);
                } else if (announced > 0) {
                    LOG.info("announced {} agent(s) offline", announced);
                }
            });
        });
    }

    /** What failed, unwrapped from the stage's wrapper; null if nothing did. */
    private static Throwable causeOf(Throwable failed) {
        return failed instanceof CompletionException && failed.getCause() != null ? failed.getCause() : failed;
    }
}
