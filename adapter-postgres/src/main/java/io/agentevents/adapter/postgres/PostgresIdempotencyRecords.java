package io.agentevents.adapter.postgres;

import io.agentevents.adapter.postgres.row.Columns;
import io.agentevents.application.port.out.IdempotencyRecords;
import java.time.Instant;
import java.util.Optional;

/**
 * Idempotency keys in {@code idempotency_keys}. A claim is one conditional upsert: it takes a
 * new or expired key and leaves a held one alone, so of several nodes claiming one key at once,
 * exactly one wins.
 */
public class PostgresIdempotencyRecords implements IdempotencyRecords {

    private final PostgresStore store;

    public PostgresIdempotencyRecords(PostgresStore store) {
        this.store = store;
    }

    @Override
    public Optional<Entry> claim(String scopedKey, String requestFingerprint, Instant now, Instant expiresAt) {
        // A held key can be released between our upsert and our read; then the key is free: try again.
        for (int attempt = 1; ; attempt++) {
            Optional<Optional<Entry>> outcome = tryClaim(scopedKey, requestFingerprint, now, expiresAt);
            if (outcome.isPresent() || attempt == 3) {
                return outcome.orElse(Optional.empty());
            }
        }
    }

    /** @return the claim's outcome (empty inside: claimed), or empty if the holder vanished meanwhile */
    private Optional<Optional<Entry>> tryClaim(String scopedKey, String requestFingerprint, Instant now,
                                               Instant expiresAt) {
        return store.call(handle -> {
            int claimed = handle.createUpdate("""
                            INSERT INTO idempotency_keys (scoped_key, request_fingerprint, expires_at)
                            VALUES (:key, :fingerprint, :expiresAt)
                            ON CONFLICT (scoped_key) DO UPDATE
                               SET request_fingerprint = EXCLUDED.request_fingerprint, answer = NULL,
                                   expires_at = EXCLUDED.expires_at
                             WHERE idempotency_keys.expires_at <= :now
                            """)
                    .bind("key", scopedKey)
                    .bind("fingerprint", requestFingerprint)
                    .bind("expiresAt", Columns.of(expiresAt))
                    .bind("now", Columns.of(now))
                    .execute();
            if (claimed == 1) {
                return Optional.of(Optional.<Entry>empty());
            }
            return handle.createQuery("""
                            SELECT request_fingerprint, answer, expires_at
                              FROM idempotency_keys WHERE scoped_key = :key
                            """)
                    .bind("key", scopedKey)
                    .map((row, context) -> new Entry(row.getString("request_fingerprint"),
                            Optional.ofNullable(row.getString("answer")), Columns.instant(row, "expires_at").orElseThrow()))
                    .findOne()
                    .map(Optional::of);
        });
    }

    @Override
    public void complete(String scopedKey, String answer) {
        store.call(handle -> handle.createUpdate("UPDATE idempotency_keys SET answer = :answer WHERE scoped_key = :key")
                .bind("key", scopedKey)
                .bind("answer", answer)
                .execute());
    }

    @Override
    public void release(String scopedKey) {
        store.call(handle -> handle.createUpdate("DELETE FROM idempotency_keys WHERE scoped_key = :key AND answer IS NULL")
                .bind("key", scopedKey)
                .execute());
    }

    @Override
    public long purgeExpired(Instant now) {
        return store.call(handle -> handle.createUpdate("DELETE FROM idempotency_keys WHERE expires_at <= :now")
                .bind("now", Columns.of(now))
                .execute());
    }
}
