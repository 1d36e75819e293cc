package io.agentevents.application.service.access;

import io.agentevents.application.port.out.access.PasswordHash;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wrong passwords in a row, counted per key (an agent, an address) on this node, and how late
 * the next wrong one is answered: a few at once, then later and later. Nothing here ever refuses
 * a sign-in: the right password is checked and accepted whatever came before it, so knowing an
 * agent's id is not enough to keep it out. An agent's entry may remember its password hash, so
 * a flood of wrong guesses for it is told apart from the right password without the store. A
 * success clears an agent's count; a key quiet for {@code forgetAfter} starts again from zero.
 *
 * @param <K> what is counted
 */
public final class WrongPasswordDelays<K> {

    /** How late wrong passwords of one key are answered. */
    public record Policy(int answeredAtOnce, Duration firstDelay, Duration longestDelay, Duration forgetAfter) {

        public Policy {
            if (answeredAtOnce < 0 || firstDelay.isNegative() || firstDelay.isZero()
                    || longestDelay.compareTo(firstDelay) < 0 || forgetAfter.isNegative()) {
                throw new IllegalArgumentException("answeredAtOnce ≥ 0 and 0 < firstDelay ≤ longestDelay");
            }
        }

        /** The delay of the {@code inARow}-th wrong password: none, then doubling up to the longest. */
        public Duration delayOf(int inARow) {
            if (inARow <= answeredAtOnce) {
                return Duration.ZERO;
            }
            int doublings = Math.min(inARow - answeredAtOnce - 1, 30);
            Duration delay = firstDelay.multipliedBy(1L << doublings);
            return delay.compareTo(longestDelay) > 0 ? longestDelay : delay;
        }
    }

    /**
     * One more wrong password of a key.
     *
     * @param burstBegins true for the first one answered late since the key was last quiet: the one to log
     */
    public record Failure(int inARow, Duration answerLate, boolean burstBegins) {
    }

    private record Entry(int count, Instant last, PasswordHash knownHash) {
    }

    private final Policy policy;
    private final int maxKeys;
    private final Map<K, Entry> entries = new ConcurrentHashMap<>();

    /** @param maxKeys beyond this many keys the quiet ones are forgotten first, then any */
    public WrongPasswordDelays(Policy policy, int maxKeys) {
        this.policy = policy;
        this.maxKeys = maxKeys;
    }

    public Policy policy() {
        return policy;
    }

    /** @param knownHash the key's password hash if it has one (an agent), else null */
    public Failure failed(K key, Instant now, PasswordHash knownHash) {
        Entry entry = entries.compute(key, (ignored, current) -> {
            boolean fresh = current == null || isForgotten(current, now);
            int count = fresh ? 1 : current.count() + 1;
            PasswordHash remembered = knownHash != null ? knownHash : fresh ? null : current.knownHash();
            return new Entry(count, now, remembered);
        });
        if (entries.size() > maxKeys) {
            makeRoom(now);
        }
        return new Failure(entry.count(), policy.delayOf(entry.count()), entry.count() == policy.answeredAtOnce() + 1);
    }

    /** The password hash remembered for a key that failed lately; empty once it is quiet or cleared. */
    public Optional<PasswordHash> knownHash(K key, Instant now) {
        Entry entry = entries.get(key);
        return entry == null || isForgotten(entry, now) ? Optional.empty() : Optional.ofNullable(entry.knownHash());
    }

    public void succeeded(K key) {
        entries.remove(key);
    }

    /** Keys counted now (for tests and metrics). */
    public int size() {
        return entries.size();
    }

    private boolean isForgotten(Entry entry, Instant now) {
        return now.isAfter(entry.last().plus(policy.forgetAfter()));
    }

    private void makeRoom(Instant now) {
        entries.values().removeIf(entry -> isForgotten(entry, now));
        Iterator<K> keys = entries.keySet().iterator();
        while (entries.size() > maxKeys && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }
}
