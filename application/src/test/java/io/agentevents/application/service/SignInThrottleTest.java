package io.agentevents.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.application.port.in.SignInThrottledException;
import io.agentevents.application.service.access.SignInThrottle.Policy;
import io.agentevents.application.service.access.SignInThrottle;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private final Policy policy = new Policy(2, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(1));

    @Test
    void theWaitDoubles_upToTheLongest() {
        assertThat(policy.waitAfter(3)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.waitAfter(4)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.waitAfter(6)).isEqualTo(Duration.ofSeconds(8));
        assertThat(policy.waitAfter(1_000)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void freeFailures_doNotWait_theNextOneDoes_untilItsTimeIsUp() {
        SignInThrottle throttle = new SignInThrottle(policy, 100);
        throttle.failed("k", T0);
        throttle.failed("k", T0);
        assertThatCode(() -> throttle.requireAllowed("k", T0)).doesNotThrowAnyException();

        throttle.failed("k", T0);

        assertThatThrownBy(() -> throttle.requireAllowed("k", T0.plusMillis(10)))
                .isInstanceOf(SignInThrottledException.class).hasMessageContaining("retry after 1 s");
        assertThatCode(() -> throttle.requireAllowed("k", T0.plusSeconds(1))).doesNotThrowAnyException();
        assertThatCode(() -> throttle.requireAllowed("other", T0)).doesNotThrowAnyException();
    }

    @Test
    void theTable_staysWithinItsBound_quietKeysGoingFirst() {
        SignInThrottle throttle = new SignInThrottle(policy, 10);
        for (int i = 0; i < 10; i++) {
            throttle.failed("old-" + i, T0);
        }
        Instant later = T0.plus(Duration.ofMinutes(2));
        for (int i = 0; i < 3; i++) {
            throttle.failed("new", later);
        }
        throttle.failed("another", later);

        assertThat(throttle.size()).isEqualTo(2);
        assertThatThrownBy(() -> throttle.requireAllowed("new", later)).isInstanceOf(SignInThrottledException.class);
    }
}
