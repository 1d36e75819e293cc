package io.agentevents.domain.session;

import static io.agentevents.domain.TestSessions.T0;
import static io.agentevents.domain.TestSessions.agentActivation;
import static io.agentevents.domain.TestSessions.newSession;
import static io.agentevents.domain.TestSessions.projectActivation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.activation.Schedules;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PresencePolicyTest {

    private final Schedules schedules = Schedules.defaults();
    private final PresencePolicy policy = PresencePolicy.of(schedules);
    private static final Optional<Activation> NO_PROJECT_ACTIVATION = Optional.empty();

    /** A session in {@code mode} (activated at T0) that last checked in at T0. */
    private AgentSession seenAtT0In(Mode mode) {
        AgentSession session = newSession();
        session = session.activate(agentActivation(session.agent(), mode, T0)).next();
        return session.recordHeartbeat(T0, false, NO_PROJECT_ACTIVATION, schedules).next();
    }

    @ParameterizedTest
    @CsvSource({"IDLE, 10802000", "ACTIVE, 5000", "REAL_TIME, 5000"})
    void onlineWindow_isThreeHeartbeatsPlusTwoSeconds(Mode mode, long millis) {
        assertThat(policy.onlineWindow(mode)).isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @CsvSource({"ACTIVE", "REAL_TIME"})
    void isOnline_exactlyAtTheEndOfTheWindow_isTrue(Mode mode) {
        assertThat(policy.isOnline(seenAtT0In(mode), NO_PROJECT_ACTIVATION, T0.plusSeconds(5))).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"ACTIVE", "REAL_TIME"})
    void isOnline_oneMicrosecondPastTheWindow_isFalse(Mode mode) {
        assertThat(policy.isOnline(seenAtT0In(mode), NO_PROJECT_ACTIVATION, T0.plusSeconds(5).plusNanos(1_000))).isFalse();
    }

    @Test
    void isOnline_inIdle_allowsThreeHoursAndTwoSeconds() {
        AgentSession session = newSession().recordCheckIn(T0, NO_PROJECT_ACTIVATION, schedules).next();

        assertThat(policy.isOnline(session, NO_PROJECT_ACTIVATION, T0.plusSeconds(3 * 3600 + 2))).isTrue();
        assertThat(policy.isOnline(session, NO_PROJECT_ACTIVATION, T0.plusSeconds(3 * 3600 + 3))).isFalse();
    }

    @Test
    void isOnline_neverSeen_isFalse() {
        assertThat(policy.isOnline(newSession(), NO_PROJECT_ACTIVATION, T0)).isFalse();
    }

    @Test
    void isOnline_afterShutdown_isFalseUntilItChecksInAgain() {
        AgentSession shutDown = seenAtT0In(Mode.ACTIVE).recordShutdown(T0.plusSeconds(1)).next();

        assertThat(policy.isOnline(shutDown, NO_PROJECT_ACTIVATION, T0.plusSeconds(1))).isFalse();
        AgentSession back = shutDown.recordCheckIn(T0.plusSeconds(2), NO_PROJECT_ACTIVATION, schedules).next();
        assertThat(policy.isOnline(back, NO_PROJECT_ACTIVATION, T0.plusSeconds(2))).isTrue();
    }

    @Test
    void isOnline_whenTheActivationLapses_usesTheIdleWindow() {
        AgentSession session = seenAtT0In(Mode.ACTIVE);

        assertThat(policy.isOnline(session, NO_PROJECT_ACTIVATION, T0.plusSeconds(60))).isFalse();
        assertThat(policy.isOnline(session, NO_PROJECT_ACTIVATION, T0.plusSeconds(80))).isTrue();
    }

    @Test
    void isOnline_underTheProjectsActivation_usesTheWindowOfItsMode() {
        AgentSession session = newSession().recordCheckIn(T0, NO_PROJECT_ACTIVATION, schedules).next();
        Optional<Activation> active = Optional.of(projectActivation(Mode.ACTIVE, T0));

        assertThat(policy.isOnline(session, active, T0.plusSeconds(6))).isFalse();
        assertThat(policy.isOnline(session, NO_PROJECT_ACTIVATION, T0.plusSeconds(6))).isTrue();
    }

    @Test
    void isOnline_afterAWakeItHasNotHeardOfYet_untilItsNextIdlePollIsDue() {
        AgentSession session = newSession().recordCheckIn(T0, NO_PROJECT_ACTIVATION, schedules).next();
        Optional<Activation> woken = Optional.of(projectActivation(Mode.ACTIVE, T0.plusSeconds(1)));

        assertThat(policy.isOnline(session, woken, T0.plusSeconds(9))).as("the active window alone would end at 5 s").isTrue();
        assertThat(policy.isOnline(session, woken, T0.plusSeconds(12))).as("its idle poll is due at 10 s, plus 2 s").isTrue();
        assertThat(policy.isOnline(session, woken, T0.plusSeconds(12).plusMillis(1))).isFalse();
    }

    @Test
    void isOnline_onceItHasPolledSinceTheWake_isJudgedByTheNewModeAlone() {
        Optional<Activation> woken = Optional.of(projectActivation(Mode.ACTIVE, T0.plusSeconds(1)));
        AgentSession session = newSession().recordCheckIn(T0, NO_PROJECT_ACTIVATION, schedules).next()
                .recordCheckIn(T0.plusSeconds(3), woken, schedules).next();

        assertThat(policy.isOnline(session, woken, T0.plusSeconds(8))).isTrue();
        assertThat(policy.isOnline(session, woken, T0.plusSeconds(8).plusMillis(1))).isFalse();
    }

    @Test
    void isOnline_anAgentSilentSinceBeforeTheWake_isStillOfflineOnceItsPollIsOverdue() {
        AgentSession session = newSession().recordCheckIn(T0, NO_PROJECT_ACTIVATION, schedules).next();
        Optional<Activation> woken = Optional.of(projectActivation(Mode.REAL_TIME, T0.plusSeconds(60)));

        assertThat(policy.isOnline(session, woken, T0.plusSeconds(61))).as("its idle poll was due at 10 s").isFalse();
    }

    @Test
    void statusOf_inIdle_isNotReliable() {
        AgentStatus status = policy.statusOf(newSession().recordCheckIn(T0, NO_PROJECT_ACTIVATION, schedules).next(), NO_PROJECT_ACTIVATION, T0);

        assertThat(status.mode()).isEqualTo(Mode.IDLE);
        assertThat(status.online()).isTrue();
        assertThat(status.reliable()).isFalse();
        assertThat(status.modeExpiresAt()).isEmpty();
    }

    @Test
    void statusOf_inActive_isReliableWithItsExpiryAndLastHeartbeat() {
        Optional<Activation> active = Optional.of(projectActivation(Mode.ACTIVE, T0));
        AgentSession session = newSession().recordHeartbeat(T0.plusSeconds(3), true, active, schedules).next();

        AgentStatus status = policy.statusOf(session, active, T0.plusSeconds(4));

        assertThat(status).isEqualTo(new AgentStatus(true, true, Mode.ACTIVE,
                Optional.of(T0.plusSeconds(75)), Optional.of(T0.plusSeconds(3)), true));
    }

    @Test
    void statusOf_offlineAgent_isNeverBusy() {
        AgentSession session = seenAtT0In(Mode.ACTIVE).recordHeartbeat(T0.plusSeconds(1), true, NO_PROJECT_ACTIVATION, schedules).next();

        AgentStatus status = policy.statusOf(session, NO_PROJECT_ACTIVATION, T0.plusSeconds(30));

        assertThat(status.online()).isFalse();
        assertThat(status.busy()).isFalse();
    }

    @Test
    void constructor_withNoMissedHeartbeats_isRejected() {
        assertThatThrownBy(() -> new PresencePolicy(schedules, 0, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missedHeartbeats");
    }

    @Test
    void newInstant_isNotNeededToJudge() {
        Instant later = T0.plus(Duration.ofDays(1));
        assertThat(policy.isOnline(seenAtT0In(Mode.ACTIVE), NO_PROJECT_ACTIVATION, later)).isFalse();
    }

    private static final Duration HOLD_DOWN = Duration.ofSeconds(10);

    @Test
    void isOfflineFor_onlyOnceTheAgentHasBeenOfflineForTheWholeHoldDown() {
        AgentSession session = seenAtT0In(Mode.ACTIVE); // offline after T0 + 5 s

        assertThat(policy.isOfflineFor(session, NO_PROJECT_ACTIVATION, T0.plusSeconds(5), HOLD_DOWN)).isFalse();
        assertThat(policy.isOfflineFor(session, NO_PROJECT_ACTIVATION, T0.plusSeconds(15), HOLD_DOWN)).isFalse();
        assertThat(policy.isOfflineFor(session, NO_PROJECT_ACTIVATION, T0.plusSeconds(15).plusNanos(1_000), HOLD_DOWN))
                .isTrue();
    }

    @Test
    void isOfflineFor_aLatePollWithinTheHoldDown_neverCounts() {
        AgentSession late = seenAtT0In(Mode.ACTIVE).recordCheckIn(T0.plusSeconds(12), NO_PROJECT_ACTIVATION, schedules)
                .next(); // seven seconds past its window, then back

        assertThat(policy.isOfflineFor(late, NO_PROJECT_ACTIVATION, T0.plusSeconds(12), HOLD_DOWN)).isFalse();
        assertThat(policy.isOfflineFor(late, NO_PROJECT_ACTIVATION, T0.plusSeconds(20), HOLD_DOWN)).isFalse();
        assertThat(policy.isOfflineFor(late, NO_PROJECT_ACTIVATION, T0.plusSeconds(28), HOLD_DOWN)).isTrue();
    }

    @Test
    void isOfflineFor_anAgentThatShutDown_isAtOnce() {
        AgentSession shutDown = seenAtT0In(Mode.ACTIVE).recordShutdown(T0.plusSeconds(1)).next();

        assertThat(policy.isOfflineFor(shutDown, NO_PROJECT_ACTIVATION, T0.plusSeconds(1), HOLD_DOWN)).isTrue();
    }

    @Test
    void isOfflineFor_inIdle_waitsForItsHoursLongWindow() {
        AgentSession session = newSession().recordCheckIn(T0, NO_PROJECT_ACTIVATION, schedules).next();

        assertThat(policy.isOfflineFor(session, NO_PROJECT_ACTIVATION, T0.plusSeconds(3 * 3600 + 11), HOLD_DOWN)).isFalse();
        assertThat(policy.isOfflineFor(session, NO_PROJECT_ACTIVATION, T0.plusSeconds(3 * 3600 + 13), HOLD_DOWN)).isTrue();
    }

    @Test
    void isOfflineFor_aNegativeHoldDown_isRefused() {
        assertThatThrownBy(() -> policy.isOfflineFor(seenAtT0In(Mode.ACTIVE), NO_PROJECT_ACTIVATION, T0,
                Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
