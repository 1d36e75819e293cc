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

    private static AgentSession activated(AgentSession session, Activation... activations) {
        for (Activation activation : activations) {
            session = session.activate(activation).next();
        }
        return session;
    }

    @Test
    void effectiveMode_withoutActivation_isIdle() {
        assertThat(newSession().effectiveModeAt(T0)).isEqualTo(Mode.IDLE);
    }

    @Test
    void effectiveMode_afterProjectActivation_isTheActivatedMode() {
        AgentSession session = activated(newSession(), projectActivation(Mode.ACTIVE, at(0)));

        assertThat(session.effectiveModeAt(at(10))).isEqualTo(Mode.ACTIVE);
    }

    @Test
    void effectiveMode_oneMicrosecondBeforeExpiry_isStillActive() {
        AgentSession session = activated(newSession(), projectActivation(Mode.ACTIVE, at(0)));

        assertThat(session.effectiveModeAt(at(75).minusNanos(1_000))).isEqualTo(Mode.ACTIVE);
    }

    @Test
    void effectiveMode_exactlyAtExpiry_fallsBackToIdle() {
        AgentSession session = activated(newSession(), projectActivation(Mode.ACTIVE, at(0)));

        assertThat(session.effectiveModeAt(at(75))).isEqualTo(Mode.IDLE);
    }

    @Test
    void reactivation_ofTheSameMode_extendsIt() {
        AgentSession session = activated(newSession(),
                projectActivation(Mode.ACTIVE, at(0)), projectActivation(Mode.ACTIVE, at(70)));

        assertThat(session.effectiveModeAt(at(100))).isEqualTo(Mode.ACTIVE);
        assertThat(session.modeEndsAt(at(100))).contains(at(145));
        assertThat(session.effectiveModeAt(at(145))).isEqualTo(Mode.IDLE);
    }

    @Test
    void laterAgentActivation_winsOverEarlierProjectActivation() {
        AgentSession session = newSession();
        session = activated(session,
                projectActivation(Mode.ACTIVE, at(0)), agentActivation(session.agent(), Mode.REAL_TIME, at(10)));

        assertThat(session.effectiveModeAt(at(20))).isEqualTo(Mode.REAL_TIME);
    }

    @Test
    void laterProjectActivation_winsOverEarlierAgentActivation() {
        AgentSession session = newSession();
        session = activated(session,
                agentActivation(session.agent(), Mode.REAL_TIME, at(0)), projectActivation(Mode.ACTIVE, at(10)));

        assertThat(session.effectiveModeAt(at(20))).isEqualTo(Mode.ACTIVE);
    }

    @Test
    void explicitIdle_endsAnEarlierActivation() {
        AgentSession session = newSession();
        session = activated(session,
                projectActivation(Mode.REAL_TIME, at(0)), agentActivation(session.agent(), Mode.IDLE, at(5)));

        assertThat(session.effectiveModeAt(at(6))).isEqualTo(Mode.IDLE);
        assertThat(session.modeEndsAt(at(6))).isEmpty();
    }

    @Test
    void explicitIdleOfTheProject_endsAnActivation() {
        AgentSession session = activated(newSession(),
                projectActivation(Mode.ACTIVE, at(0)), projectActivation(Mode.IDLE, at(5)));

        assertThat(session.effectiveModeAt(at(6))).isEqualTo(Mode.IDLE);
    }

    @Test
    void activationAfterExplicitIdle_winsAgain() {
        AgentSession session = newSession();
        session = activated(session,
                agentActivation(session.agent(), Mode.IDLE, at(0)), projectActivation(Mode.ACTIVE, at(5)));

        assertThat(session.effectiveModeAt(at(6))).isEqualTo(Mode.ACTIVE);
        assertThat(session.effectiveModeAt(at(80))).isEqualTo(Mode.IDLE);
    }

    @Test
    void expiredNewerActivation_givesWayToAnOlderOneStillInForce() {
        Schedules shortRealTime = new Schedules(schedules.idle(), schedules.active(),
                Schedule.expiring(Duration.ofMillis(300), Duration.ofSeconds(1), Duration.ofSeconds(30)));
        AgentSession session = newSession();
        Activation realTime = Activation.request(new SingleAgent(session.agent()), Mode.REAL_TIME, at(10), newRequest(), shortRealTime);
        session = activated(session, projectActivation(Mode.ACTIVE, at(0)), realTime);

        assertThat(session.effectiveModeAt(at(20))).isEqualTo(Mode.REAL_TIME);
        assertThat(session.modeEndsAt(at(20))).contains(at(40));
        assertThat(session.effectiveModeAt(at(50))).isEqualTo(Mode.ACTIVE);
        assertThat(session.modeEndsAt(at(50))).contains(at(75));
    }

    @Test
    void modeEndsAt_whenFallbackHasTheSameMode_isTheFallbacksExpiry() {
        AgentSession session = newSession();
        session = activated(session,
                agentActivation(session.agent(), Mode.ACTIVE, at(0)), projectActivation(Mode.ACTIVE, at(30)));
        Activation agentLater = agentActivation(session.agent(), Mode.ACTIVE, at(40));
        session = activated(session, agentLater);

        assertThat(session.modeEndsAt(at(50))).contains(at(115));
    }

    @Test
    void modeEndsAt_inIdleFallback_isEmpty() {
        assertThat(newSession().modeEndsAt(T0)).isEmpty();
    }

    @Test
    void projectActivation_coversAgentsRegisteredAfterIt() {
        Activation activation = projectActivation(Mode.REAL_TIME, at(0));

        AgentSession registeredLater = AgentSession.start(newProject(), newAgent(), Optional.of(activation));

        assertThat(registeredLater.effectiveModeAt(at(30))).isEqualTo(Mode.REAL_TIME);
        assertThat(registeredLater.modeEndsAt(at(30))).contains(at(75));
    }

    @Test
    void activate_recordsAnActivationEvent() {
        Activation activation = projectActivation(Mode.ACTIVE, at(0));

        SessionChange change = newSession().activate(activation);

        assertThat(change.events()).containsExactly(new AgentActivated(activation));
    }

    @Test
    void activate_olderThanTheKeptActivation_doesNotRollBack() {
        AgentSession session = activated(newSession(),
                projectActivation(Mode.REAL_TIME, at(10)), projectActivation(Mode.IDLE, at(5)));

        assertThat(session.effectiveModeAt(at(20))).isEqualTo(Mode.REAL_TIME);
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
    void constructor_withProjectActivationOfAgentScope_isRejected() {
        AgentSession session = newSession();
        Activation wrongScope = agentActivation(session.agent(), Mode.ACTIVE, at(0));

        assertThatThrownBy(() -> new AgentSession(session.project(), session.agent(), Optional.of(wrongScope),
                Optional.empty(), Optional.empty(), Optional.empty(), false, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("projectActivation");
    }

    @Test
    void constructor_withAgentActivationOfAnotherAgent_isRejected() {
        AgentSession session = newSession();
        Activation otherAgents = agentActivation(newAgent(), Mode.ACTIVE, at(0));

        assertThatThrownBy(() -> new AgentSession(session.project(), session.agent(), Optional.empty(),
                Optional.of(otherAgents), Optional.empty(), Optional.empty(), false, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("agentActivation");
    }

    @Test
    void constructor_withHeartbeatEventButNoCheckIn_isRejected() {
        AgentSession session = newSession();

        assertThatThrownBy(() -> new AgentSession(session.project(), session.agent(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(T0), false, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("heartbeat event");
    }

    @Test
    void recordHeartbeat_firstOne_writesAHeartbeatEventWithBusy() {
        AgentSession session = newSession();

        SessionChange change = session.recordHeartbeat(T0, true, schedules);

        assertThat(change.events()).containsExactly(new HeartbeatRecorded(session.agent(), true, T0));
        assertThat(change.next().busy()).isTrue();
        assertThat(change.next().lastCheckInAt()).contains(T0);
    }

    @Test
    void recordHeartbeat_withinTheInterval_writesNoSecondEvent() {
        AgentSession session = activated(newSession(), projectActivation(Mode.ACTIVE, T0));
        session = session.recordHeartbeat(T0, false, schedules).next();

        SessionChange change = session.recordHeartbeat(T0.plusMillis(999), true, schedules);

        assertThat(change.events()).isEmpty();
        assertThat(change.next().lastCheckInAt()).contains(T0.plusMillis(999));
        assertThat(change.next().busy()).isTrue();
    }

    @Test
    void recordHeartbeat_exactlyOneIntervalLater_writesTheNextEvent() {
        AgentSession session = activated(newSession(), projectActivation(Mode.ACTIVE, T0));
        session = session.recordHeartbeat(T0, false, schedules).next();

        assertThat(session.recordHeartbeat(T0.plusSeconds(1), false, schedules).events())
                .containsExactly(new HeartbeatRecorded(session.agent(), false, T0.plusSeconds(1)));
    }

    @Test
    void recordCheckIn_inIdle_writesAtMostOneHeartbeatEventAnHour() {
        AgentSession session = newSession().recordCheckIn(T0, schedules).next();

        assertThat(session.recordCheckIn(at(3599), schedules).events()).isEmpty();
        assertThat(session.recordCheckIn(at(3600), schedules).events()).hasSize(1);
    }

    @Test
    void recordCheckIn_keepsTheBusyFlagOfTheLastHeartbeat() {
        AgentSession session = newSession().recordHeartbeat(T0, true, schedules).next();

        assertThat(session.recordCheckIn(at(1), schedules).next().busy()).isTrue();
    }

    @Test
    void recordCheckIn_olderThanTheLastOne_neverMovesLastSeenBack() {
        AgentSession session = newSession().recordCheckIn(at(10), schedules).next();

        assertThat(session.recordCheckIn(at(5), schedules).next().lastCheckInAt()).contains(at(10));
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
        AgentSession session = newSession().recordHeartbeat(T0, true, schedules).next();

        SessionChange change = session.recordShutdown(at(1));

        assertThat(change.events()).containsExactly(new AgentShutDown(session.agent(), at(1)));
        assertThat(change.next().shutDown()).isTrue();
        assertThat(change.next().busy()).isFalse();
    }

    @Test
    void checkIn_afterShutdown_clearsTheShutdown() {
        AgentSession session = newSession().recordStartup(T0).next().recordShutdown(at(1)).next();

        assertThat(session.recordCheckIn(at(2), schedules).next().shutDown()).isFalse();
    }

    @Test
    void wholeProjectScope_isOneSharedValue() {
        assertThat(ActivationScope.wholeProject()).isSameAs(ActivationScope.wholeProject());
    }
}
