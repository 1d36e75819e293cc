package io.agentevents.application.port.out;

import static io.agentevents.domain.TestSessions.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every promise of {@link IdempotencyRecords}. */
public abstract class IdempotencyRecordsContract {

    private static final Instant EXPIRY = T0.plus(Duration.ofHours(24));
    private final String accepted = "{\"status\":202}";

    private IdempotencyRecords records;
    private String key;

    protected abstract IdempotencyRecords idempotencyRecords();

    @BeforeEach
    void setUpRecords() {
        records = idempotencyRecords();
        key = "p/users " + UUID.randomUUID();
    }

    @Test
    void claim_ofANewKey_succeeds() {
        assertThat(records.claim(key, "f1", T0, EXPIRY)).isEmpty();
    }

    @Test
    void claim_ofAHeldKey_returnsTheHolder_runningThenAnswered() {
        records.claim(key, "f1", T0, EXPIRY);

        assertThat(records.claim(key, "f1", T0, EXPIRY)).contains(new IdempotencyRecords.Entry("f1", Optional.empty(), EXPIRY));
        String created = "{\"status\":201,\"location\":\"/v2/p/agents/a\",\"body\":\"{\\\"id\\\":\\\"a\\\"}\"}";
        records.complete(key, created);
        assertThat(records.claim(key, "f2", T0, EXPIRY)).contains(new IdempotencyRecords.Entry("f1", Optional.of(created), EXPIRY));
    }

    @Test
    void release_letsTheKeyBeClaimedAgain_butNotOnceAnswered() {
        records.claim(key, "f1", T0, EXPIRY);
        records.release(key);
        assertThat(records.claim(key, "f1", T0, EXPIRY)).isEmpty();

        records.complete(key, accepted);
        records.release(key);
        assertThat(records.claim(key, "f1", T0, EXPIRY)).isPresent();
    }

    @Test
    void expiredKey_canBeClaimedAfresh_andIsPurged() {
        records.claim(key, "f1", T0, T0.plusSeconds(10));
        records.complete(key, accepted);

        assertThat(records.claim(key, "f2", T0.plusSeconds(10), EXPIRY)).isEmpty();
        assertThat(records.purgeExpired(EXPIRY)).isGreaterThanOrEqualTo(1);
        assertThat(records.claim(key, "f3", EXPIRY, EXPIRY.plusSeconds(1))).isEmpty();
    }

    @Test
    void concurrentClaims_ofOneKey_haveOneWinner() throws Exception {
        int contenders = 8;
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            List<Callable<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                claims.add(() -> records.claim(key, "f1", T0, EXPIRY).isEmpty());
            }
            long winners = 0;
            for (Future<Boolean> claim : pool.invokeAll(claims)) {
                winners += claim.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
