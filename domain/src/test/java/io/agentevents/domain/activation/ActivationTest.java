package io.agentevents.domain.activation;

import static io.agentevents.domain.TestSessions.T0;
import static io.agentevents.domain.TestSessions.newRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ActivationTest {

    private final Schedules schedules = Schedules.defaults();

    @Test
    void request_active_expiresAfterTheModesLifetime() {
        Activation activation = Activation.request(ActivationScope.wholeProject(), Mode.ACTIVE, T0, newRequest(), schedules);

        assertThat(activation.expiresAt()).contains(T0.plusSeconds(75));
    }

    @Test
    void request_idle_neverExpires() {
        Activation activation = Activation.request(ActivationScope.wholeProject(), Mode.IDLE, T0, newRequest(), schedules);

        assertThat(activation.expiresAt()).isEmpty();
        assertThat(activation.isInForceAt(T0.plus(Duration.ofDays(3650)))).isTrue();
    }

    @Test
    void isInForceAt_oneMicrosecondBeforeExpiry_isTrue() {
        Activation activation = Activation.request(ActivationScope.wholeProject(), Mode.REAL_TIME, T0, newRequest(), schedules);

        assertThat(activation.isInForceAt(T0.plusSeconds(75).minusNanos(1_000))).isTrue();
    }

    @Test
    void isInForceAt_exactlyAtExpiry_isFalse() {
        Activation activation = Activation.request(ActivationScope.wholeProject(), Mode.REAL_TIME, T0, newRequest(), schedules);

        assertThat(activation.isInForceAt(T0.plusSeconds(75))).isFalse();
    }

    @Test
    void constructor_expiryNotAfterRequest_isRejected() {
        assertThatThrownBy(() -> new Activation(ActivationScope.wholeProject(), Mode.ACTIVE, T0, Optional.of(T0), newRequest()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expire after");
    }
}
