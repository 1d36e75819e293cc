package io.agentevents.domain.session;

import static io.agentevents.domain.TestSessions.T0;
import static io.agentevents.domain.TestSessions.agentActivation;
import static io.agentevents.domain.TestSessions.newAgent;
import static io.agentevents.domain.TestSessions.newProject;
import static io.agentevents.domain.TestSessions.newRequest;
import static io.agentevents.domain.TestSessions.newSession;
import static io.agentevents.domain.TestSessions.projectActivation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ForeignActivationException;
import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.activation.ActivationScope;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.activation.Schedule;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.activation.SingleAgent;
import io.agentevents.domain.event.AgentActivated;
import io.agentevents.domain.event.AgentShutDown;
import io.agentevents.domain.event.AgentStartedUp;
import io.agentevents.domain.event.HeartbeatRecorded;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AgentSessionTest {

    private final Schedules schedules = Schedules.defaults();

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static final Optional<Activation> NO_PROJECT_ACTIVATION = Optional.empty();

    private static Optional<Activation> project(Mode mode, Instant at) {
        return Optional.of(projectActivation(mode, at));
    }

    private static AgentSession activated(AgentSession session, Activation... ownActivations) {
        for (Activation activation : ownActivations) {
            session = session.activate(activation).next();
        }
        return session;
    }

    @Test
    void effectiveMode_withoutActivation_isIdle() {
        assertThat(newSession().effectiveModeAt(NO_PROJECT_ACTIVATION, T0)).isEqualTo(Mode.IDLE);
    }

    @Test
    void effectiveMode_underAProjectActivation_isTheActivatedMode() {
        assertThat(newSession().effectiveModeAt(project(Mode.ACTIVE, at(0)), at(10))).isEqualTo(Mode.ACTIVE);
    }

    @Test
    void effectiveMode_afterOwnActivation_isTheActivatedMode() {
        AgentSession session = newSession();
        session = activated(session, agentActivation(session.agent(), Mode.ACTIVE, at(0)));

        assertThat(session.effectiveModeAt(NO_PROJECT_ACTIVATION, at(10))).isEqualTo(Mode.ACTIVE);
    }

    @Test
    void effectiveMode_oneMicrosecondBeforeExpiry_isStillActive() {
        assertThat(newSession().effectiveModeAt(project(Mode.ACTIVE, at(0)), at(75).minusNanos(1_000)))
                .isEqualTo(Mode.ACTIVE);
    }

    @Test
    void effectiveMode_exactlyAtExpiry_fallsBackToIdle() {
        assertThat(newSession().effectiveModeAt(project(Mode.ACTIVE, at(0)), at(75))).isEqualTo(Mode.IDLE);
    }

    @Test
    void reactivation_ofTheSameMode_extendsIt() {
        AgentSession session = newSession();
        session = activated(session, agentActivation(session.agent(), Mode.ACTIVE, at(0)),
                agentActivation(session.agent(), Mode.ACTIVE, at(70)));

        assertThat(session.effectiveModeAt(NO_PROJECT_ACTIVATION, at(100))).isEqualTo(Mode.ACTIVE);
        assertThat(session.modeEndsAt(NO_PROJECT_ACTIVATION, at(100))).contains(at(145));
        assertThat(session.effectiveModeAt(NO_PROJECT_ACTIVATION, at(145))).isEqualTo(Mode.IDLE);
    }

    @Test
    void laterAgentActivation_winsOverEarlierProjectActivation() {
        AgentSession session = newSession();
        session = activated(session, agentActivation(session.agent(), Mode.REAL_TIME, at(10)));

        assertThat(session.effectiveModeAt(project(Mode.ACTIVE, at(0)), at(20))).isEqualTo(Mode.REAL_TIME);
    }

    @Test
    void laterProjectActivation_winsOverEarlierAgentActivation() {
        AgentSession session = newSession();
        session = activated(session, agentActivation(session.agent(), Mode.REAL_TIME, at(0)));

        assertThat(session.effectiveModeAt(project(Mode.ACTIVE, at(10)), at(20))).isEqualTo(Mode.ACTIVE);
    }

    @Test
    void explicitIdle_endsAnEarlierActivation() {
        AgentSession session = newSession();
        session = activated(session, agentActivation(session.agent(), Mode.IDLE, at(5)));
        Optional<Activation> realTime = project(Mode.REAL_TIME, at(0));

        assertThat(session.effectiveModeAt(realTime, at(6))).isEqualTo(Mode.IDLE);
        assertThat(session.modeEndsAt(realTime, at(6))).isEmpty();
    }

    @Test
    void explicitIdleOfTheProject_endsAnEarlierAgentActivation() {
        AgentSession session = newSession();
        session = activated(session, agentActivation(session.agent(), Mode.ACTIVE, at(0)));

        assertThat(session.effectiveModeAt(project(Mode.IDLE, at(5)), at(6))).isEqualTo(Mode.IDLE);
    }

    @Test
    void activationAfterExplicitIdle_winsAgain() {
        AgentSession session = newSession();
        session = activated(session, agentActivation(session.agent(), Mode.IDLE, at(0)));
        Optional<Activation> active = project(Mode.ACTIVE, at(5));

        assertThat(session.effectiveModeAt(active, at(6))).isEqualTo(Mode.ACTIVE);
        assertThat(session.effectiveModeAt(active, at(80))).isEqualTo(Mode.IDLE);
    }

    @Test
    void expiredNewerActivation_givesWayToAnOlderOneStillInForce() {
        Schedules shortRealTime = new Schedules(schedules.idle(), schedules.active(),
                Schedule.expiring(Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofSeconds(30)));
        AgentSession session = newSession();
        Activation realTime = Activation.request(new SingleAgent(session.agent()), Mode.REAL_TIME, at(10), newRequest(), shortRealTime);
        session = activated(session, realTime);
        Optional<Activation> active = project(Mode.ACTIVE, at(0));

        assertThat(session.effectiveModeAt(active, at(20))).isEqualTo(Mode.REAL_TIME);
        assertThat(session.modeEndsAt(active, at(20))).contains(at(40));
        assertThat(session.effectiveModeAt(active, at(50))).isEqualTo(Mode.ACTIVE);
        assertThat(session.modeEndsAt(active, at(50))).contains(at(75));
    }

    @Test
    void modeEndsAt_whenFallbackHasTheSameMode_isTheFallbacksExpiry() {
        AgentSession session = newSession();
        session = activated(session, agentActivation(session.agent(), Mode.ACTIVE, at(0)),
                agentActivation(session.agent(), Mode.ACTIVE, at(40)));

        assertThat(session.modeEndsAt(project(Mode.ACTIVE, at(30)), at(50))).contains(at(115));
    }

    @Test
    void modeEndsAt_inIdleFallback_isEmpty() {
        assertThat(newSession().modeEndsAt(NO_PROJECT_ACTIVATION, T0)).isEmpty();
    }

    @Test
    void projectActivation_coversAgentsRegisteredAfterIt() {
        Optional<Activation> activation = project(Mode.REAL_TIME, at(0));

        AgentSession registeredLater = AgentSession.start(newProject(), newAgent());

        assertThat(registeredLater.effectiveModeAt(activation, at(30))).isEqualTo(Mode.REAL_TIME);
        assertThat(registeredLater.modeEndsAt(activation, at(30))).contains(at(75));
    }

    @Test
    void projectActivation_ofAgentScope_isRejected() {
        AgentSession session = newSession();
        Optional<Activation> wrongScope = Optional.of(agentActivation(session.agent(), Mode.ACTIVE, at(0)));

        assertThatThrownBy(() -> session.effectiveModeAt(wrongScope, at(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("projectActivation");
    }

    @Test
    void activate_recordsAnActivationEvent() {
        AgentSession session = newSession();
        Activation activation = agentActivation(session.agent(), Mode.ACTIVE, at(0));

        SessionChange change = session.activate(activation);

        assertThat(change.events()).containsExactly(new AgentActivated(activation));
        assertThat(change.next().agentActivation()).contains(activation);
    }

    @Test
    void activate_olderThanTheKeptActivation_doesNotRollBack() {
        AgentSession session = newSession();
        session = activated(session, agentActivation(session.agent(), Mode.REAL_TIME, at(10)),
                agentActivation(session.agent(), Mode.IDLE, at(5)));

        assertThat(session.effectiveModeAt(NO_PROJECT_ACTIVATION, at(20))).isEqualTo(Mode.REAL_TIME);
    }

    @Test
    void activate_forAnotherAgent_isRefused() {
        AgentSession session = newSession();
        AgentId other = newAgent();

        assertThatThrownBy(() -> session.activate(agentActivation(other, Mode.ACTIVE, at(0))))
                .isInstanceOf(ForeignActivationException.class)
                .hasMessageContaining(other.toString())
                .hasMessageContaining(session.agent().toString());
    }

    @Test
    void activate_ofTheWholeProject_isRefused() {
        AgentSession session = newSession();

        assertThatThrownBy(() -> session.activate(projectActivation(Mode.ACTIVE, at(0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole project");
    }

    @Test
    void constructor_withAgentActivationOfAnotherAgent_isRejected() {
        AgentSession session = newSession();
        Activation otherAgents = agentActivation(newAgent(), Mode.ACTIVE, at(0));

        assertThatThrownBy(() -> new AgentSession(session.project(), session.agent(),
                Optional.of(otherAgents), Optional.empty(), Optional.empty(), false, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("agentActivation");
    }

    @Test
    void constructor_withAProjectActivationAsItsOwn_isRejected() {
        AgentSession session = newSession();

        assertThatThrownBy(() -> new AgentSession(session.project(), session.agent(),
                Optional.of(projectActivation(Mode.ACTIVE, at(0))), Optional.empty(), Optional.empty(), false, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("agentActivation");
    }

    @Test
    void constructor_withHeartbeatEventButNoCheckIn_isRejected() {
        AgentSession session = newSession();

        assertThatThrownBy(() -> new AgentSession(session.project(), session.agent(),
                Optional.empty(), Optional.empty(), Optional.of(T0), false, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("heartbeat event");
    }

    @Test
    void recordHeartbeat_firstOne_writesAHeartbeatEventWithBusy() {
        AgentSession session = newSession();

        SessionChange change = session.recordHeartbeat(T0, true, NO_PROJECT_ACTIVATION, schedules);

        assertThat(change.events()).containsExactly(new HeartbeatRecorded(session.agent(), true, T0));
        assertThat(change.next().busy()).isTrue();
        assertThat(change.next().lastCheckInAt()).contains(T0);
    }

    @Test
    void recordHeartbeat_withinTheIntervalOfTheProjectsMode_writesNoSecondEvent() {
        Optional<Activation> active = project(Mode.ACTIVE, T0);
        AgentSession session = newSession().recordHeartbeat(T0, false, active, schedules).next();

        SessionChange change = session.recordHeartbeat(T0.plusMillis(999), true, active, schedules);

        assertThat(change.events()).isEmpty();
        assertThat(change.next().lastCheckInAt()).contains(T0.plusMillis(999));
        assertThat(change.next().busy()).isTrue();
    }

    @Test
    void recordHeartbeat_exactlyOneIntervalOfTheProjectsModeLater_writesTheNextEvent() {
        Optional<Activation> active = project(Mode.ACTIVE, T0);
        AgentSession session = newSession().recordHeartbeat(T0, false, active, schedules).next();

        assertThat(session.recordHeartbeat(T0.plusSeconds(1), false, active, schedules).events())
                .containsExactly(new HeartbeatRecorded(session.agent(), false, T0.plusSeconds(1)));
        assertThat(session.recordHeartbeat(T0.plusSeconds(1), false, NO_PROJECT_ACTIVATION, schedules).events())
                .as("in idle, the next heartbeat event is an hour later").isEmpty();
    }

    @Test
    void recordCheckIn_inIdle_writesAtMostOneHeartbeatEventAnHour() {
        AgentSession session = newSession().recordCheckIn(T0, NO_PROJECT_ACTIVATION, schedules).next();

        assertThat(session.recordCheckIn(at(3599), NO_PROJECT_ACTIVATION, schedules).events()).isEmpty();
        assertThat(session.recordCheckIn(at(3600), NO_PROJECT_ACTIVATION, schedules).events()).hasSize(1);
    }

    @Test
    void recordCheckIn_keepsTheBusyFlagOfTheLastHeartbeat() {
        AgentSession session = newSession().recordHeartbeat(T0, true, NO_PROJECT_ACTIVATION, schedules).next();

        assertThat(session.recordCheckIn(at(1), NO_PROJECT_ACTIVATION, schedules).next().busy()).isTrue();
    }

    @Test
    void recordCheckIn_olderThanTheLastOne_neverMovesLastSeenBack() {
        AgentSession session = newSession().recordCheckIn(at(10), NO_PROJECT_ACTIVATION, schedules).next();

        assertThat(session.recordCheckIn(at(5), NO_PROJECT_ACTIVATION, schedules).next().lastCheckInAt())
                .contains(at(10));
    }

    @Test
    void recordStartup_recordsTheEventAndCountsAsCheckIn() {
        AgentSession session = newSession();

        SessionChange change = session.recordStartup(T0);

        assertThat(change.events()).containsExactly(new AgentStartedUp(session.agent(), T0));
        assertThat(change.next().lastCheckInAt()).contains(T0);
        assertThat(change.next().shutDown()).isFalse();
    }

    @Test
    void recordShutdown_marksItShutDownAndNotBusy() {
        AgentSession session = newSession().recordHeartbeat(T0, true, NO_PROJECT_ACTIVATION, schedules).next();

        SessionChange change = session.recordShutdown(at(1));

        assertThat(change.events()).containsExactly(new AgentShutDown(session.agent(), at(1)));
        assertThat(change.next().shutDown()).isTrue();
        assertThat(change.next().shutDownAt()).contains(at(1));
        assertThat(change.next().busy()).isFalse();
    }

    @Test
    void checkInMadeBeforeTheShutdown_writtenAfterIt_leavesItShutDown() {
        AgentSession shutDown = newSession().recordHeartbeat(T0, true, NO_PROJECT_ACTIVATION, schedules).next()
                .recordShutdown(at(10)).next();

        AgentSession stalePoll = shutDown.recordCheckIn(at(9), NO_PROJECT_ACTIVATION, schedules).next();
        AgentSession staleHeartbeat = shutDown.recordHeartbeat(at(10), true, NO_PROJECT_ACTIVATION, schedules).next();

        assertThat(stalePoll.shutDown()).isTrue();
        assertThat(stalePoll.shutDownAt()).contains(at(10));
        assertThat(stalePoll.lastCheckInAt()).contains(at(9)); // it was seen then, all the same
        assertThat(staleHeartbeat.shutDown()).isTrue();
        assertThat(staleHeartbeat.busy()).isFalse();
        AgentSession back = stalePoll.recordCheckIn(at(11), NO_PROJECT_ACTIVATION, schedules).next();
        assertThat(back.shutDown()).isFalse();
        assertThat(back.shutDownAt()).isEmpty();
    }

    @Test
    void shutdownOfUnknownTime_isUndoneByAnyCheckIn_asBefore() {
        AgentSession fromAnEarlierRelease = new AgentSession(newProject(), newAgent(), Optional.empty(),
                Optional.of(at(5)), Optional.empty(), false, true);

        assertThat(fromAnEarlierRelease.shutDownAt()).isEmpty();
        assertThat(fromAnEarlierRelease.recordCheckIn(at(4), NO_PROJECT_ACTIVATION, schedules).next().shutDown())
                .isFalse();
    }

    @Test
    void theTimeOfAShutdown_isKeptOnlyWhileShutDown() {
        AgentSession session = new AgentSession(newProject(), newAgent(), Optional.empty(), Optional.of(at(5)),
                Optional.empty(), false, false, Optional.of(at(3)));

        assertThat(session.shutDownAt()).isEmpty();
    }

    @Test
    void checkIn_afterShutdown_clearsTheShutdown() {
        AgentSession session = newSession().recordStartup(T0).next().recordShutdown(at(1)).next();

        assertThat(session.recordCheckIn(at(2), NO_PROJECT_ACTIVATION, schedules).next().shutDown()).isFalse();
    }

    @Test
    void wholeProjectScope_isOneSharedValue() {
        assertThat(ActivationScope.wholeProject()).isSameAs(ActivationScope.wholeProject());
    }
}
