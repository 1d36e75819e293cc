package io.agentevents.adapter.http.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.adapter.http.support.ClientKey;
import io.agentevents.application.port.in.access.Secret;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketsTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final TokenBuckets buckets = new TokenBuckets(10, nanos::get);
    private final ClientKey alice = ClientKey.ofToken(new Secret("alice"));
    private final ClientKey bob = ClientKey.ofToken(new Secret("bob"));

    @Test
    void take_allowsOneSecondsWorthAtOnce_thenAsksToWait() {
        for (int i = 0; i < 10; i++) {
            assertThat(buckets.take(alice)).as("request %d", i).isZero();
        }
        assertThat(buckets.take(alice)).isEqualTo(1);
    }

    @Test
    void take_refillsAtTheRate() {
        for (int i = 0; i < 10; i++) {
            buckets.take(alice);
        }
        nanos.addAndGet(250_000_000L); // a quarter second: 2.5 requests' worth

        assertThat(buckets.take(alice)).isZero();
        assertThat(buckets.take(alice)).isZero();
        assertThat(buckets.take(alice)).isEqualTo(1);
    }

    @Test
    void take_countsEachClientApart() {
        for (int i = 0; i < 10; i++) {
            buckets.take(alice);
        }

        assertThat(buckets.take(alice)).isPositive();
        assertThat(buckets.take(bob)).isZero();
    }

    @Test
    void take_withALongWaitOwed_saysHowManySeconds() {
        TokenBuckets slow = new TokenBuckets(1, nanos::get);
        assertThat(slow.take(alice)).isZero();

        assertThat(slow.take(alice)).isEqualTo(1);
        nanos.addAndGet(500_000_000L);
        assertThat(slow.take(alice)).isEqualTo(1);
    }

    @Test
    void forgetIdle_dropsOnlyBucketsThatHaveRefilled() {
        buckets.take(alice);
        nanos.addAndGet(1_000_000_000L);
        buckets.take(bob);

        buckets.forgetIdle();

        assertThat(buckets.size()).isEqualTo(1);
        for (int i = 0; i < 9; i++) {
            assertThat(buckets.take(bob)).isZero();
        }
        assertThat(buckets.take(bob)).as("bob's bucket was kept, with its one request spent").isPositive();
    }

    @Test
    void clientKeys_ofOneTokenAgree_andNeverHoldTheToken() {
        assertThat(ClientKey.ofToken(new Secret("alice"))).isEqualTo(alice).isNotEqualTo(bob);
        assertThat(ClientKey.ofAddress("alice")).isNotEqualTo(alice);
        assertThat(alice.toString()).doesNotContain("alice");
    }
}
