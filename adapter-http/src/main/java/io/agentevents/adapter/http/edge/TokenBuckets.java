package io.agentevents.adapter.http.edge;

import io.agentevents.adapter.http.support.ClientKey;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: {@code perSecond} requests a second on average, bursts of up to one
 * second's worth. Buckets left full for a while are forgotten, so the table only holds clients
 * seen recently.
 */
public final class TokenBuckets {

    private final double perSecond;
    private final double capacity;
    private final LongSupplier nanos;
    private final ConcurrentHashMap<ClientKey, Bucket> buckets = new ConcurrentHashMap<>();

    /** @param nanos a monotonic clock in nanoseconds ({@code System::nanoTime}; tests pass their own) */
    public TokenBuckets(int perSecond, LongSupplier nanos) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("perSecond must be at least 1");
        }
        this.perSecond = perSecond;
        this.capacity = perSecond;
        this.nanos = nanos;
    }

    /** @return 0 if the request may go ahead, else the whole seconds until it could */
    public long take(ClientKey client) {
        Bucket bucket = buckets.computeIfAbsent(client, ignored -> new Bucket(capacity, nanos.getAsLong()));
        synchronized (bucket) {
            long now = nanos.getAsLong();
            bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.refilledAt) / 1e9 * perSecond);
            bucket.refilledAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - bucket.tokens) / perSecond);
        }
    }

    /** Drops the buckets that have refilled completely: their clients are within budget anyway. */
    public void forgetIdle() {
        long now = nanos.getAsLong();
        buckets.values().removeIf(bucket -> {
            synchronized (bucket) {
                return bucket.tokens + (now - bucket.refilledAt) / 1e9 * perSecond >= capacity;
            }
        });
    }

    public int size() {
        return buckets.size();
    }

    private static final class Bucket {

        double tokens;
        long refilledAt;

        Bucket(double tokens, long refilledAt) {
            this.tokens = tokens;
            this.refilledAt = refilledAt;
        }
    }
}
