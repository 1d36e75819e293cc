package io.agentevents.application.port.out;

import static io.agentevents.domain.TestSessions.T0;
import static io.agentevents.domain.TestSessions.newAgent;
import static io.agentevents.domain.TestSessions.newProject;
import static io.agentevents.domain.TestSessions.projectActivation;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.application.port.out.AgentSessionRepository.AgentKey;
import io.agentevents.application.port.out.AgentSessionRepository.CoveredSession;
import io.agentevents.application.port.out.presence.AnnouncedPresence;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.session.AgentSession;
import io.agentevents.domain.session.PresencePolicy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every promise of {@link AnnouncedPresence}, over the sessions and activations of the same store. */
public abstract class AnnouncedPresenceContract {

    private static final Schedules SCHEDULES = Schedules.defaults();
    private static final PresencePolicy POLICY = PresencePolicy.of(SCHEDULES);

    /** The store's parts, all on one store: the marks are kept beside the sessions they compare. */
    public record Store(AnnouncedPresence presence, AgentSessionRepository sessions, ProjectActivations activations) {
    }

    protected abstract Store store();

    private Store store;
    private ProjectId project;

    @BeforeEach
    void setUpStore() {
        store = store();
        project = newProject();
    }

    private AgentKey agentSeenAt(ProjectId in, Instant seen) {
        AgentKey agent = new AgentKey(in, newAgent());
        store.sessions().insert(AgentSession.start(in, agent.agent()));
        checkIn(agent, seen);
        return agent;
    }

    private void checkIn(AgentKey agent, Instant at) {
        store.sessions().update(agent.project(), agent.agent(),
                covered -> covered.session().recordCheckIn(at, covered.projectActivation(), SCHEDULES));
    }

    private Optional<Instant> lastCheckIn(AgentKey agent) {
        return store.sessions().find(agent.project(), agent.agent()).orElseThrow().session().lastCheckInAt();
    }

    /** What the store finds of these projects: other tests' agents may share a database. */
    private List<AgentKey> mayBeOffline(Instant now, int limit, ProjectId... of) {
        Set<ProjectId> projects = Set.of(of);
        return store.presence().mayBeOffline(POLICY, now, limit).stream()
                .map(CoveredSession::session)
                .filter(session -> projects.contains(session.project()))
                .map(session -> new AgentKey(session.project(), session.agent()))
                .toList();
    }

    @Test
    void markOnline_givesOnlyTheAgentsNotAnnouncedOnline() {
        AgentKey first = agentSeenAt(project, T0);
        AgentKey second = agentSeenAt(project, T0);
        AgentKey unknown = new AgentKey(project, newAgent());

        assertThat(store.presence().markOnline(List.of(first))).containsExactly(first);
        assertThat(store.presence().markOnline(List.of(first, second, unknown))).containsExactly(second);
        assertThat(store.presence().markOnline(List.of(first, second))).isEmpty();
    }

    @Test
    void markOffline_holdsOnlyWhileTheLastCheckInIsTheOneRead() {
        AgentKey agent = agentSeenAt(project, T0);
        store.presence().markOnline(List.of(agent));
        Optional<Instant> read = lastCheckIn(agent);
        checkIn(agent, T0.plusSeconds(3));

        assertThat(store.presence().markOffline(agent, read)).as("a check-in came since the read").isFalse();
        assertThat(store.presence().markOffline(agent, lastCheckIn(agent))).isTrue();
        assertThat(store.presence().markOffline(agent, lastCheckIn(agent))).as("announced offline already").isFalse();
        assertThat(store.presence().markOnline(List.of(agent))).as("back online").containsExactly(agent);
    }

    @Test
    void markOffline_ofAnAgentNeverAnnouncedOnline_changesNothing() {
        AgentKey agent = agentSeenAt(project, T0);

        assertThat(store.presence().markOffline(agent, lastCheckIn(agent))).isFalse();
        assertThat(store.presence().markOnline(List.of(agent))).containsExactly(agent);
    }

    @Test
    void mayBeOffline_findsAgentsAnnouncedOnlinePastTheirWindow_longestUnseenFirst() {
        store.activations().save(project, projectActivation(Mode.ACTIVE, T0)); // a 5 s window
        AgentKey seenAt10 = agentSeenAt(project, T0.plusSeconds(10));
        AgentKey seenAt5 = agentSeenAt(project, T0.plusSeconds(5));
        AgentKey seenAt19 = agentSeenAt(project, T0.plusSeconds(19));
        AgentKey shutDown = agentSeenAt(project, T0.plusSeconds(19));
        store.sessions().update(project, shutDown.agent(), covered -> covered.session().recordShutdown(T0.plusSeconds(19)));
        AgentKey neverAnnounced = agentSeenAt(project, T0);
        ProjectId idleProject = newProject();
        AgentKey idleSeenAt1 = agentSeenAt(idleProject, T0.plusSeconds(1)); // idle: a window of three hours
        store.presence().markOnline(List.of(seenAt10, seenAt5, seenAt19, shutDown, idleSeenAt1));

        assertThat(mayBeOffline(T0.plusSeconds(20), 100, project, idleProject))
                .containsExactly(seenAt5, seenAt10, shutDown)
                .doesNotContain(neverAnnounced, seenAt19, idleSeenAt1);
        assertThat(mayBeOffline(T0.plusSeconds(20), 1, project, idleProject)).containsExactly(seenAt5);
    }

    @Test
    void mayBeOffline_followsAnExpiredActivationBackToIdle() {
        store.activations().save(project, projectActivation(Mode.ACTIVE, T0)); // expires at T0 + 75 s
        AgentKey agent = agentSeenAt(project, T0.plusSeconds(60));
        store.presence().markOnline(List.of(agent));

        assertThat(mayBeOffline(T0.plusSeconds(70), 100, project)).containsExactly(agent);
        assertThat(mayBeOffline(T0.plusSeconds(80), 100, project)).as("idle again: hours to go").isEmpty();
    }

    @Test
    void mayBeOffline_leavesAnnouncedOfflineAndDeletedAgentsOut() {
        store.activations().save(project, projectActivation(Mode.ACTIVE, T0));
        AgentKey offline = agentSeenAt(project, T0);
        AgentKey deleted = agentSeenAt(project, T0);
        store.presence().markOnline(List.of(offline, deleted));
        store.presence().markOffline(offline, lastCheckIn(offline));
        store.sessions().delete(project, deleted.agent());

        assertThat(mayBeOffline(T0.plusSeconds(30), 100, project)).isEmpty();
    }

    @Test
    void exclusively_runsTheWork() {
        assertThat(store.presence().exclusively(() -> "done")).isEqualTo("done");
    }
}
