package io.agentevents.adapter.keystone;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whether Keystone answers, as the last call found; says so in the log once when it is lost and once when back. */
final class KeystoneHealth {

    private static final Logger LOG = LoggerFactory.getLogger(KeystoneHealth.class);

    private final String where;
    private final AtomicBoolean lost = new AtomicBoolean();
    private volatile long lastReachedNanos = Long.MIN_VALUE;

    KeystoneHealth(String where) {
        this.where = where;
    }

    void reached() {
        lastReachedNanos = System.nanoTime();
        if (lost.compareAndSet(true, false)) {
            LOG.info("identity service {} is back; user tokens are validated again", where);
        }
    }

    void lost(String why) {
        if (lost.compareAndSet(false, true)) {
            LOG.warn("identity service {} lost: {}. User tokens it vouched for are honoured until their "
                    + "time runs out; others are answered 503 until it is back", where, why);
        }
    }

    boolean isLost() {
        return lost.get();
    }

    /** Whether a call reached it within the last {@code nanos}. */
    boolean reachedWithin(long nanos) {
        long last = lastReachedNanos;
        return last != Long.MIN_VALUE && System.nanoTime() - last < nanos;
    }
}
