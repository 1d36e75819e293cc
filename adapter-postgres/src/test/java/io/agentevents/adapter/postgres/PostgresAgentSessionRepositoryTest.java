package io.agentevents.adapter.postgres;

import static io.agentevents.domain.TestSessions.T0;
import static io.agentevents.domain.TestSessions.projectActivation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.application.port.out.AgentSessionRepository;
import io.agentevents.application.port.out.AgentSessionRepositoryContract;
import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.NewEvent;
import io.agentevents.application.port.out.ProjectActivations;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.event.AgentStartedUp;
import io.agentevents.domain.event.EventPageRequest;
import io.agentevents.domain.event.StoredEvent;
import io.agentevents.domain.session.AgentSession;
import io.agentevents.domain.session.SessionChange;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostgresAgentSessionRepositoryTest extends AgentSessionRepositoryContract {

    private static SchemaStore database;

    @BeforeAll
    static void openDatabase() {
        database = new SchemaStore(PostgresAgentSessionRepositoryTest.class);
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Override
    protected AgentSessionRepository repository() {
        return new PostgresAgentSessionRepository(database.store());
    }

    @Override
    protected ProjectActivations projectActivations() {
        return new PostgresProjectActivations(database.store());
    }

    /** One statement writes a commit group's activations: it keeps each project's newest, the later written of one instant. */
    @Test
    void projectActivations_ofOneCommitGroup_keepTheNewest_andOfOneInstantTheLaterWritten() {
        PostgresStore store = database.store();
        ProjectActivations activations = projectActivations();
        ProjectId project = TestSessions.newProject();
        Activation writtenLaterAtTheSameInstant = projectActivation(Mode.ACTIVE, T0.plusSeconds(10));
        GroupWrites group = new GroupWrites();

        store.inTransactionOnHandle(handle -> store.holdingWrites(group, () -> {
            activations.save(project, projectActivation(Mode.IDLE, T0));
            activations.save(project, projectActivation(Mode.REAL_TIME, T0.plusSeconds(10)));
            activations.save(project, writtenLaterAtTheSameInstant);
            activations.save(project, projectActivation(Mode.IDLE, T0.plusSeconds(5)));
            group.flush(handle);
            return null;
        }));

        assertThat(activations.find(project)).contains(writtenLaterAtTheSameInstant);
    }

    // An update's UPDATE rides on the transaction's next statement: whichever comes next, it is stored, seen and undone as if run at once.

    private PostgresStore store;
    private PostgresAgentSessionRepository sessions;
    private EventLog events;

    @BeforeEach
    void openStores() {
        store = database.store();
        sessions = new PostgresAgentSessionRepository(store);
        events = new PostgresEventLog(store, Clock.fixed(T0, ZoneOffset.UTC));
    }

    private record Agent(ProjectId project, AgentId agent) {
        static Agent inserted(PostgresAgentSessionRepository sessions) {
            Agent started = new Agent(TestSessions.newProject(), TestSessions.newAgent());
            sessions.insert(AgentSession.start(started.project(), started.agent()));
            return started;
        }
    }

    private static Activation realTimeOf(Agent agent) {
        return TestSessions.agentActivation(agent.agent(), Mode.REAL_TIME, T0);
    }

    @Test
    void update_followedByTheEventsItCaused_storesBoth() {
        Agent agent = Agent.inserted(sessions);
        Activation realTime = realTimeOf(agent);

        List<StoredEvent> appended = store.inTransaction(() -> {
            SessionChange change = sessions.update(agent.project(), agent.agent(),
                    covered -> covered.session().activate(realTime)).orElseThrow();
            return events.append(agent.project(), change.events().stream()
                    .map(event -> new NewEvent(event, realTime.requestId())).toList());
        });

        assertThat(sessions.find(agent.project(), agent.agent()).orElseThrow().session().agentActivation())
                .contains(realTime);
        assertThat(appended).isNotEmpty();
        assertThat(events.feed(agent.project(), agent.agent(), new EventPageRequest(java.util.Optional.empty(), EventPageRequest.DEFAULT_LIMIT, io.agentevents.domain.event.SortDirection.ASC)).events())
                .containsExactlyElementsOf(appended);
    }

    @Test
    void update_followedByAProjectActivationOnly_storesBoth() {
        ProjectActivations activations = new PostgresProjectActivations(store);
        Agent agent = Agent.inserted(sessions);
        Activation wholeProject = projectActivation(Mode.ACTIVE, T0);
        Activation realTime = realTimeOf(agent);

        store.inTransaction(() -> {
            sessions.update(agent.project(), agent.agent(), covered -> covered.session().activate(realTime));
            activations.save(agent.project(), wholeProject);
            return null;
        });

        assertThat(sessions.find(agent.project(), agent.agent()).orElseThrow().session().agentActivation())
                .contains(realTime);
        assertThat(activations.find(agent.project())).contains(wholeProject);
    }

    @Test
    void update_isSeenByAReadLaterInItsTransaction_andByTheNextUpdate() {
        Agent agent = Agent.inserted(sessions);
        Activation realTime = realTimeOf(agent);

        AgentSession seenWithin = store.inTransaction(() -> {
            sessions.update(agent.project(), agent.agent(), covered -> covered.session().activate(realTime));
            sessions.update(agent.project(), agent.agent(), covered -> covered.session().recordShutdown(T0.plusSeconds(1)));
            return sessions.find(agent.project(), agent.agent()).orElseThrow().session();
        });

        assertThat(seenWithin.agentActivation()).contains(realTime);
        assertThat(seenWithin.shutDown()).isTrue();
        assertThat(sessions.find(agent.project(), agent.agent()).orElseThrow().session()).isEqualTo(seenWithin);
    }

    @Test
    void update_ofATransactionThatFails_isNotStored_andHoldsNothingBackForTheNext() {
        Agent failing = Agent.inserted(sessions);
        Agent next = Agent.inserted(sessions);

        assertThatThrownBy(() -> store.inTransaction(() -> {
            sessions.update(failing.project(), failing.agent(), covered -> covered.session().activate(realTimeOf(failing)));
            throw new IllegalStateException("the request fails after the update");
        })).hasMessageContaining("fails after the update");
        store.inTransaction(() -> sessions.update(next.project(), next.agent(),
                covered -> covered.session().recordShutdown(T0)));

        assertThat(sessions.find(failing.project(), failing.agent()).orElseThrow().session())
                .isEqualTo(AgentSession.start(failing.project(), failing.agent()));
        assertThat(sessions.find(next.project(), next.agent()).orElseThrow().session().shutDown()).isTrue();
    }

    @Test
    void update_locksAnExistingEventCounterWithTheSession_andTheEventsAfterItTakeTheNextIds() {
        Agent agent = Agent.inserted(sessions);
        List<StoredEvent> before = events.append(agent.project(),
                List.of(new NewEvent(new AgentStartedUp(agent.agent(), T0), TestSessions.newRequest())));
        Activation realTime = realTimeOf(agent);

        List<StoredEvent> appended = store.inTransaction(() -> {
            SessionChange change = sessions.update(agent.project(), agent.agent(),
                    covered -> covered.session().activate(realTime)).orElseThrow();
            List<StoredEvent> first = events.append(agent.project(), change.events().stream()
                    .map(event -> new NewEvent(event, realTime.requestId())).toList());
            List<StoredEvent> second = events.append(agent.project(),
                    List.of(new NewEvent(new AgentStartedUp(agent.agent(), T0), TestSessions.newRequest())));
            return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
        });

        long last = before.get(0).id().value();
        assertThat(appended).extracting(event -> event.id().value()).containsExactly(last + 1, last + 2);
        assertThat(events.feed(agent.project(), agent.agent(),
                new EventPageRequest(java.util.Optional.empty(), EventPageRequest.DEFAULT_LIMIT,
                        io.agentevents.domain.event.SortDirection.ASC)).events())
                .containsExactlyElementsOf(java.util.stream.Stream.concat(before.stream(), appended.stream()).toList());
        assertThat(sessions.find(agent.project(), agent.agent()).orElseThrow().session().agentActivation())
                .contains(realTime);
    }
}
