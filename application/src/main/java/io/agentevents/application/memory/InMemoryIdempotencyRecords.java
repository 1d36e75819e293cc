package io.agentevents.application.memory;

import io.agentevents.application.port.out.IdempotencyRecords;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Idempotency keys in memory. */
public class InMemoryIdempotencyRecords implements IdempotencyRecords {

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<Entry> claim(String scopedKey, String requestFingerprint, Instant now, Instant expiresAt) {
        Entry[] holder = new Entry[1];
        entries.compute(scopedKey, (key, existing) -> {
            if (existing != null && now.isBefore(existing.expiresAt())) {
                holder[0] = existing;
                return existing;
            }
            return new Entry(requestFingerprint, Optional.empty(), expiresAt);
        });
        return Optional.ofNullable(holder[0]);
    }

    @Override
    public void complete(String scopedKey, String answer) {
        entries.computeIfPresent(scopedKey,
                (key, entry) -> new Entry(entry.requestFingerprint(), Optional.of(answer), entry.expiresAt()));
    }

    @Override
    public void release(String scopedKey) {
        entries.computeIfPresent(scopedKey, (key, entry) -> entry.answer().isPresent() ? entry : null);
    }

    @Override
    public long purgeExpired(Instant now) {
        long before = entries.size();
        entries.values().removeIf(entry -> !now.isBefore(entry.expiresAt()));
        return Math.max(0, before - entries.size());
    }
}
