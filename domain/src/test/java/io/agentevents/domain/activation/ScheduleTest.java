package io.agentevents.domain.activation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void defaults_matchTheValuesTheRealAgentsUsed() {
        Schedules defaults = Schedules.defaults();

        assertThat(defaults.forMode(Mode.IDLE)).isEqualTo(
                new Schedule(Duration.ofSeconds(10), Duration.ofSeconds(3600), Optional.empty()));
        assertThat(defaults.forMode(Mode.ACTIVE)).isEqualTo(
                new Schedule(Duration.ofSeconds(1), Duration.ofSeconds(1), Optional.of(Duration.ofSeconds(75))));
        assertThat(defaults.forMode(Mode.REAL_TIME)).isEqualTo(
                new Schedule(Duration.ofMillis(300), Duration.ofSeconds(1), Optional.of(Duration.ofSeconds(75))));
    }

    @Test
    void schedule_withZeroOrNegativeInterval_isRejectedNamingTheField() {
        assertThatThrownBy(() -> Schedule.unending(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pollEvery");
        assertThatThrownBy(() -> Schedule.unending(Duration.ofSeconds(1), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("heartbeatEvery");
        assertThatThrownBy(() -> Schedule.expiring(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("activationLasts");
    }

    @Test
    void schedules_withExpiringIdle_isRejected() {
        Schedule expiring = Schedule.expiring(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertThatThrownBy(() -> new Schedules(expiring, expiring, expiring))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idle");
    }

    @Test
    void schedules_withUnendingActiveOrRealTime_isRejected() {
        Schedules defaults = Schedules.defaults();
        Schedule unending = Schedule.unending(Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThatThrownBy(() -> new Schedules(defaults.idle(), unending, defaults.realTime()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("active");
        assertThatThrownBy(() -> new Schedules(defaults.idle(), defaults.active(), unending))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("real_time");
    }

    @Test
    void withActivationLifetime_changesActiveAndRealTimeOnly() {
        Schedules shortLived = Schedules.defaults().withActivationLifetime(Duration.ofSeconds(5));

        assertThat(shortLived.active().activationLasts()).contains(Duration.ofSeconds(5));
        assertThat(shortLived.realTime().activationLasts()).contains(Duration.ofSeconds(5));
        assertThat(shortLived.idle()).isEqualTo(Schedules.defaults().idle());
        assertThat(shortLived.realTime().pollEvery()).isEqualTo(Duration.ofMillis(300));
    }
}
