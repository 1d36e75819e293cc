package io.agentevents.application.service;

import static io.agentevents.application.service.InMemoryApplication.awaited;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.application.memory.InMemoryAgentRequests;
import io.agentevents.application.memory.InMemoryAgentSessionRepository;
import io.agentevents.application.memory.InMemoryProjectActivations;
import io.agentevents.application.memory.log.InMemoryEventLog;
import io.agentevents.application.port.in.operations.ServiceStatistics;
import io.agentevents.application.port.out.NewEvent;
import io.agentevents.application.port.out.StoreCalls;
import io.agentevents.application.service.operations.ReadStatisticsService;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.MutableClock;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.event.HeartbeatRecorded;
import io.agentevents.domain.request.AgentRequest;
import io.agentevents.domain.request.TestRequests;
import io.agentevents.domain.session.AgentSession;
import io.agentevents.domain.session.PresencePolicy;
import io.agentevents.domain.session.SessionChange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ReadStatisticsServiceTest {

    private final MutableClock clock = new MutableClock(TestSessions.T0);
    private final Schedules schedules = Schedules.defaults();
    private final InMemoryAgentSessionRepository sessions = new InMemoryAgentSessionRepository(new InMemoryProjectActivations());
    private final InMemoryEventLog eventLog = new InMemoryEventLog(java.time.Clock.systemUTC());
    private final ProjectId project = TestSessions.newProject();
    private final InMemoryAgentRequests requests = new InMemoryAgentRequests();
    private final ReadStatisticsService statistics = new ReadStatisticsService(sessions, eventLog, requests,
            PresencePolicy.of(schedules), clock, StoreCalls.inline());

    @Test
    void read_countsAgentsOnlineByThePresenceRules_acrossProjects() {
        Instant now = TestSessions.T0.plus(Duration.ofHours(5));
        agent(project, session -> session.recordCheckIn(now.minusSeconds(20), Optional.empty(), schedules).next()); // idle: online
        agent(TestSessions.newProject(), session -> session.recordCheckIn(now.minusSeconds(1), Optional.empty(), schedules).next());
        agent(project, session -> session.recordCheckIn(now.minus(Duration.ofHours(4)), Optional.empty(), schedules).next()); // too long ago
        agent(project, session -> session.recordCheckIn(now.minusSeconds(1), Optional.empty(), schedules).next()
                .recordShutdown(now).next()); // said goodbye
        agent(project, session -> session.activate(TestSessions.agentActivation(session.agent(), Mode.ACTIVE,
                now.minusSeconds(20))).next().recordCheckIn(now.minusSeconds(10), Optional.empty(), schedules).next()); // active, quiet 10 s
        agent(project, UnaryOperator.identity()); // never seen
        clock.setTo(now);

        ServiceStatistics read = awaited(statistics.read());

        assertThat(read.agentsOnline()).isEqualTo(2);
    }

    @Test
    void read_countsTheEventsStored() {
        AgentId agent = TestSessions.newAgent();
        eventLog.append(project, List.of(
                new NewEvent(new HeartbeatRecorded(agent, false, TestSessions.T0), TestSessions.newRequest()),
                new NewEvent(new HeartbeatRecorded(agent, true, TestSessions.T0), TestSessions.newRequest())));

        assertThat(awaited(statistics.read()).eventsStored()).isEqualTo(2);
    }

    @Test
    void read_countsTheRequestsKept() {
        AgentId agent = TestSessions.newAgent();
        for (int i = 0; i < 3; i++) {
            requests.open(AgentRequest.open(project, agent, TestSessions.newRequest(), TestRequests.browse("/"),
                    TestSessions.T0, Duration.ofMinutes(5)));
        }

        assertThat(awaited(statistics.read()).requestsKept()).isEqualTo(3);
    }

    private void agent(ProjectId in, UnaryOperator<AgentSession> history) {
        AgentId agent = TestSessions.newAgent();
        sessions.insert(AgentSession.start(in, agent));
        sessions.update(in, agent, covered -> new SessionChange(history.apply(covered.session()), List.of()));
    }
}
