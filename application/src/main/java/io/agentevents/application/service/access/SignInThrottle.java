package io.agentevents.application.service.access;

import io.agentevents.application.port.in.SignInThrottledException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failed sign-ins, counted per key (an agent, an address) on this node. After a few failures a
 * key must wait, and each further failure doubles the wait; while it waits every attempt is
 * refused before any password is looked at, so guessing gains nothing and costs the node nearly
 * nothing. A success clears the key; a key quiet for {@code forgetAfter} is forgotten.
 */
public final class SignInThrottle {

    /** How a key is throttled. */
    public record Policy(int freeFailures, Duration firstWait, Duration longestWait, Duration forgetAfter) {

        public Policy {
            if (freeFailures < 1 || firstWait.isNegative() || firstWait.isZero() || longestWait.compareTo(firstWait) < 0) {
                throw new IllegalArgumentException("freeFailures ≥ 1 and 0 < firstWait ≤ longestWait");
            }
        }

        public Duration waitAfter(int failures) {
            int doublings = Math.min(failures - freeFailures - 1, 30);
            Duration wait = firstWait.multipliedBy(1L << doublings);
            return wait.compareTo(longestWait) > 0 ? longestWait : wait;
        }
    }

    /** An agent: a few failures are a misconfigured agent, more are someone guessing. */
    public static final Policy PER_AGENT = new Policy(5, Duration.ofSeconds(1), Duration.ofMinutes(15),
            Duration.ofMinutes(15));
    /** An address may sign many agents in (a NAT, a proxy): it gets more failures before it waits. */
    public static final Policy PER_ADDRESS = new Policy(20, Duration.ofSeconds(1), Duration.ofMinutes(15),
            Duration.ofMinutes(15));

    private record Failures(int count, Instant last, Instant blockedUntil) {
    }

    private final Policy policy;
    private final int maxKeys;
    private final Map<Object, Failures> failures = new ConcurrentHashMap<>();

    /** @param maxKeys beyond this many keys the quiet ones are forgotten first, then the oldest */
    public SignInThrottle(Policy policy, int maxKeys) {
        this.policy = policy;
        this.maxKeys = maxKeys;
    }

    /** @throws SignInThrottledException while {@code key} must wait */
    public void requireAllowed(Object key, Instant now) {
        Failures current = failures.get(key);
        if (current != null && now.isBefore(current.blockedUntil())) {
            long millis = Duration.between(now, current.blockedUntil()).toMillis();
            throw new SignInThrottledException(Math.max(1, (millis + 999) / 1000));
        }
    }

    public void failed(Object key, Instant now) {
        failures.compute(key, (ignored, current) -> {
            int count = current == null || isForgotten(current, now) ? 1 : current.count() + 1;
            Instant blockedUntil = count > policy.freeFailures() ? now.plus(policy.waitAfter(count)) : now;
            return new Failures(count, now, blockedUntil);
        });
        if (failures.size() > maxKeys) {
            makeRoom(now);
        }
    }

    public void succeeded(Object key) {
        failures.remove(key);
    }

    /** Keys counted now (for tests and metrics). */
    public int size() {
        return failures.size();
    }

    private boolean isForgotten(Failures entry, Instant now) {
        Instant lastRelevant = entry.blockedUntil().isAfter(entry.last()) ? entry.blockedUntil() : entry.last();
        return now.isAfter(lastRelevant.plus(policy.forgetAfter()));
    }

    private void makeRoom(Instant now) {
        failures.values().removeIf(entry -> isForgotten(entry, now));
        Iterator<Object> keys = failures.keySet().iterator();
        while (failures.size() > maxKeys && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }
}
