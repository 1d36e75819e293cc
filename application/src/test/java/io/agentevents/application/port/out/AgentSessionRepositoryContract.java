package io.agentevents.application.port.out;

import static io.agentevents.domain.TestSessions.T0;
import static io.agentevents.domain.TestSessions.agentActivation;
import static io.agentevents.domain.TestSessions.newAgent;
import static io.agentevents.domain.TestSessions.newProject;
import static io.agentevents.domain.TestSessions.projectActivation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.domain.AgentId;
import io.agentevents.domain.ForeignActivationException;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.application.port.out.AgentSessionRepository.CoveredSession;
import io.agentevents.domain.session.AgentSession;
import io.agentevents.domain.session.SessionChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every promise of {@link AgentSessionRepository}, and of the {@link ProjectActivations} of the same store. */
public abstract class AgentSessionRepositoryContract {

    private final Schedules schedules = Schedules.defaults();
    private AgentSessionRepository sessions;
    private ProjectActivations projectActivations;
    private ProjectId project;
    private AgentId agent;

    protected abstract AgentSessionRepository repository();

    /** The project activations of the store of the last {@link #repository()}. */
    protected abstract ProjectActivations projectActivations();

    @BeforeEach
    void setUpRepository() {
        sessions = repository();
        projectActivations = projectActivations();
        project = newProject();
        agent = newAgent();
    }

    private AgentSession inserted() {
        AgentSession session = AgentSession.start(project, agent);
        sessions.insert(session);
        return session;
    }

    @Test
    void forEachSeenSince_givesOnlySessionsSeenSinceThen_withTheProjectActivation() {
        inserted(); // never seen
        AgentId seenEarly = newAgent();
        AgentId seenLate = newAgent();
        sessions.insert(AgentSession.start(project, seenEarly));
        sessions.insert(AgentSession.start(project, seenLate));
        sessions.update(project, seenEarly, covered -> covered.session().recordCheckIn(T0, covered.projectActivation(), schedules));
        sessions.update(project, seenLate, covered -> covered.session().recordCheckIn(T0.plusSeconds(10), covered.projectActivation(), schedules));
        Optional<Activation> projectActivation = Optional.of(projectActivation(Mode.ACTIVE, T0));
        projectActivations.save(project, projectActivation.orElseThrow());
        List<CoveredSession> seen = new ArrayList<>();

        sessions.forEachSeenSince(T0.plusSeconds(10), covered -> {
            if (covered.session().project().equals(project)) {
                seen.add(covered);
            }
        });

        assertThat(seen).extracting(covered -> covered.session().agent()).containsExactly(seenLate);
        assertThat(seen.get(0).projectActivation()).contains(projectActivation.orElseThrow());
    }

    @Test
    void find_ofUnknownAgent_isEmpty() {
        assertThat(sessions.find(project, agent)).isEmpty();
    }

    @Test
    void insert_thenFind_givesTheSessionBack() {
        AgentSession session = inserted();

        assertThat(sessions.find(project, agent)).map(CoveredSession::session).contains(session);
    }

    @Test
    void insert_twice_isRefused() {
        inserted();

        assertThatThrownBy(() -> sessions.insert(AgentSession.start(project, agent)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void update_storesEveryFieldOfTheNextState() {
        inserted();
        Activation own = agentActivation(agent, Mode.REAL_TIME, T0);

        sessions.update(project, agent, covered -> covered.session().activate(own));
        sessions.update(project, agent, covered -> covered.session().recordHeartbeat(T0.plusSeconds(1), true, covered.projectActivation(), schedules));
        SessionChange last = sessions.update(project, agent, covered -> covered.session().recordShutdown(T0.plusSeconds(2))).orElseThrow();

        AgentSession found = sessions.find(project, agent).orElseThrow().session();
        assertThat(found).isEqualTo(last.next());
        assertThat(found.agentActivation()).contains(own);
        assertThat(found.lastCheckInAt()).contains(T0.plusSeconds(1));
        assertThat(found.lastHeartbeatEventAt()).contains(T0.plusSeconds(1));
        assertThat(found.shutDown()).isTrue();
        assertThat(found.shutDownAt()).contains(T0.plusSeconds(2));
    }

    @Test
    void updateAll_ofACheckInFromBeforeTheStoredShutdown_keepsItShutDown_andALaterOneUndoesIt() {
        inserted();
        AgentSessionRepository.AgentKey key = new AgentSessionRepository.AgentKey(project, agent);
        sessions.update(project, agent, covered -> covered.session().recordShutdown(T0.plusSeconds(2)));

        sessions.updateAll(Map.of(key, covered -> covered.session().recordCheckIn(T0.plusSeconds(1),
                covered.projectActivation(), schedules)));
        AgentSession afterStale = sessions.find(project, agent).orElseThrow().session();
        sessions.updateAll(Map.of(key, covered -> covered.session().recordCheckIn(T0.plusSeconds(3),
                covered.projectActivation(), schedules)));
        AgentSession afterLater = sessions.find(project, agent).orElseThrow().session();

        assertThat(afterStale.shutDown()).isTrue();
        assertThat(afterStale.shutDownAt()).contains(T0.plusSeconds(2));
        assertThat(afterStale.lastCheckInAt()).contains(T0.plusSeconds(1));
        assertThat(afterLater.shutDown()).isFalse();
        assertThat(afterLater.shutDownAt()).isEmpty();
    }

    @Test
    void updateAll_appliesEachAgentsOwnChange_andSkipsUnknownAgents() {
        inserted();
        AgentId second = newAgent();
        sessions.insert(AgentSession.start(project, second));
        AgentId unknown = newAgent();

        List<SessionChange> applied = sessions.updateAll(Map.of(
                new AgentSessionRepository.AgentKey(project, agent), covered -> covered.session().recordHeartbeat(T0, true, covered.projectActivation(), schedules),
                new AgentSessionRepository.AgentKey(project, second), covered -> covered.session().recordCheckIn(T0.plusSeconds(1), covered.projectActivation(), schedules),
                new AgentSessionRepository.AgentKey(project, unknown), covered -> covered.session().recordStartup(T0)));

        assertThat(applied).hasSize(2);
        assertThat(sessions.find(project, agent).orElseThrow().session().busy()).isTrue();
        assertThat(sessions.find(project, agent).orElseThrow().session().lastCheckInAt()).contains(T0);
        assertThat(sessions.find(project, second).orElseThrow().session().lastCheckInAt()).contains(T0.plusSeconds(1));
        assertThat(sessions.find(project, unknown)).isEmpty();
        assertThat(sessions.updateAll(Map.of())).isEmpty();
    }

    @Test
    void update_ofUnknownAgent_isEmptyAndStoresNothing() {
        assertThat(sessions.update(project, agent, covered -> covered.session().recordStartup(T0))).isEmpty();
        assertThat(sessions.find(project, agent)).isEmpty();
    }

    @Test
    void update_whoseChangeFails_storesNothing() {
        AgentSession session = inserted();

        assertThatThrownBy(() -> sessions.update(project, agent,
                current -> current.session().activate(agentActivation(newAgent(), Mode.ACTIVE, T0))))
                .isInstanceOf(ForeignActivationException.class);
        assertThat(sessions.find(project, agent)).map(CoveredSession::session).contains(session);
    }

    @Test
    void projectActivation_isReadWithEverySessionOfTheProject_includingLaterOnes() {
        inserted();
        Activation activation = projectActivation(Mode.ACTIVE, T0);

        projectActivations.save(project, activation);
        AgentId later = newAgent();
        sessions.insert(AgentSession.start(project, later));

        assertThat(sessions.find(project, agent).orElseThrow().projectActivation()).contains(activation);
        assertThat(sessions.find(project, later).orElseThrow().projectActivation()).contains(activation);
        assertThat(projectActivations.find(project)).contains(activation);
    }

    @Test
    void update_passesTheProjectActivationToTheChange() {
        inserted();
        Activation activation = projectActivation(Mode.ACTIVE, T0);
        projectActivations.save(project, activation);
        List<Optional<Activation>> passed = new ArrayList<>();

        sessions.update(project, agent, covered -> {
            passed.add(covered.projectActivation());
            return covered.session().recordStartup(T0);
        });
        sessions.updateAll(Map.of(new AgentSessionRepository.AgentKey(project, agent), covered -> {
            passed.add(covered.projectActivation());
            return covered.session().recordShutdown(T0.plusSeconds(1));
        }));

        assertThat(passed).containsExactly(Optional.of(activation), Optional.of(activation));
    }

    @Test
    void projectActivation_olderThanTheKeptOne_isIgnored() {
        Activation newer = projectActivation(Mode.REAL_TIME, T0.plusSeconds(10));
        projectActivations.save(project, newer);

        projectActivations.save(project, projectActivation(Mode.IDLE, T0));

        assertThat(projectActivations.find(project)).contains(newer);
    }

    @Test
    void projectActivation_ofAnotherProject_isNotRead() {
        inserted();
        projectActivations.save(newProject(), projectActivation(Mode.ACTIVE, T0));

        assertThat(sessions.find(project, agent).orElseThrow().projectActivation()).isEmpty();
        assertThat(projectActivations.find(project)).isEmpty();
    }

    @Test
    void delete_forgetsTheSessionOnce() {
        inserted();

        assertThat(sessions.delete(project, agent)).isTrue();
        assertThat(sessions.delete(project, agent)).isFalse();
        assertThat(sessions.find(project, agent)).isEmpty();
    }

    @Test
    void concurrentUpdates_ofOneAgent_loseNone() throws Exception {
        inserted();
        int threads = 4;
        int updatesEach = 250;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < updatesEach; i++) {
                        long micros = (long) thread * updatesEach + i;
                        sessions.update(project, agent,
                                covered -> covered.session().recordCheckIn(T0.plusNanos(micros * 1_000), covered.projectActivation(), schedules));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }

        long lastMicros = (long) threads * updatesEach - 1;
        assertThat(sessions.find(project, agent).orElseThrow().session().lastCheckInAt()).contains(T0.plusNanos(lastMicros * 1_000));
    }
}
