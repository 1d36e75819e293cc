package io.agentevents.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.application.port.out.access.PasswordHash;
import io.agentevents.application.service.access.WrongPasswordDelays;
import io.agentevents.application.service.access.WrongPasswordDelays.Policy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WrongPasswordDelaysTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final Policy policy = new Policy(2, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(1));

    @Test
    void theDelayDoubles_afterTheFreeOnes_upToTheLongest() {
        assertThat(policy.delayOf(1)).isZero();
        assertThat(policy.delayOf(2)).isZero();
        assertThat(policy.delayOf(3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.delayOf(4)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayOf(6)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.delayOf(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void aPolicy_refusesDelaysThatCannotWork() {
        assertThatThrownBy(() -> new Policy(1, Duration.ZERO, Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Policy(1, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theBurstBegins_withTheFirstLateAnswer_once() {
        WrongPasswordDelays<String> delays = new WrongPasswordDelays<>(policy, 100);

        assertThat(delays.failed("k", T0, null).burstBegins()).isFalse();
        assertThat(delays.failed("k", T0, null).burstBegins()).isFalse();
        WrongPasswordDelays.Failure third = delays.failed("k", T0, null);
        assertThat(third.burstBegins()).isTrue();
        assertThat(third.inARow()).isEqualTo(3);
        assertThat(delays.failed("k", T0, null).burstBegins()).isFalse();
        assertThat(delays.failed("other", T0, null).inARow()).isEqualTo(1);
    }

    @Test
    void aRememberedHash_livesAsLongAsTheCount() {
        WrongPasswordDelays<String> delays = new WrongPasswordDelays<>(policy, 100);
        PasswordHash hash = new PasswordHash("sha256$00");
        delays.failed("k", T0, hash);
        delays.failed("k", T0.plusSeconds(30), null);

        assertThat(delays.knownHash("k", T0.plusSeconds(60))).contains(hash);
        assertThat(delays.knownHash("k", T0.plusSeconds(91))).as("quiet for more than a minute").isEmpty();
        delays.failed("k", T0.plusSeconds(30), hash);
        delays.succeeded("k");
        assertThat(delays.knownHash("k", T0.plusSeconds(31))).isEmpty();
    }

    @Test
    void theTable_staysWithinItsBound_quietKeysGoingFirst() {
        WrongPasswordDelays<String> delays = new WrongPasswordDelays<>(policy, 10);
        for (int i = 0; i < 10; i++) {
            delays.failed("old-" + i, T0, null);
        }
        Instant later = T0.plus(Duration.ofMinutes(2));
        for (int i = 0; i < 3; i++) {
            delays.failed("new", later, null);
        }
        delays.failed("another", later, null);

        assertThat(delays.size()).isEqualTo(2);
        assertThat(delays.failed("new", later, null).inARow()).isEqualTo(4);
    }
}
