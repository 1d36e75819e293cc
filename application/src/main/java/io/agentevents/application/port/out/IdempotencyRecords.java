package io.agentevents.application.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Remembers the answer to a POST sent with an {@code Idempotency-Key}, so that the same request
 * sent again gets the same answer without being carried out twice.
 */
public interface IdempotencyRecords {

    /**
     * What is known of a key: the fingerprint of the request that first used it, and its answer
     * once that request finished (empty while it is still being carried out), as the caller of
     * the use case wrote it.
     */
    record Entry(String requestFingerprint, Optional<String> answer, Instant expiresAt) {

        public Entry {
            Objects.requireNonNull(requestFingerprint, "requestFingerprint must not be null");
            Objects.requireNonNull(answer, "answer must not be null");
            Objects.requireNonNull(expiresAt, "expiresAt must not be null");
        }
    }

    /**
     * Claims {@code scopedKey} for a request unless an unexpired entry holds it.
     *
     * @return empty if the key is now claimed by this request; otherwise the entry that holds it
     */
    Optional<Entry> claim(String scopedKey, String requestFingerprint, Instant now, Instant expiresAt);

    /** Stores the answer of the request that claimed the key: text kept as it is. */
    void complete(String scopedKey, String answer);

    /** Releases a claim whose request failed, so that a retry can carry it out. */
    void release(String scopedKey);

    /**
     * Drops entries that expired before {@code now}.
     *
     * @return how many were dropped
     */
    long purgeExpired(Instant now);
}
