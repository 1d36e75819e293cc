package io.agentevents.application.service;

import static io.agentevents.application.service.InMemoryApplication.awaited;
import static io.agentevents.domain.TestSessions.newRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.application.port.in.agent.AgentQuery;
import io.agentevents.application.port.in.feed.ListAgentEventsQuery;
import io.agentevents.application.port.out.EventSignals;
import io.agentevents.application.service.agent.GetAgentStatusService;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.access.AgentCaller;
import io.agentevents.domain.event.EventPageRequest;
import io.agentevents.domain.event.SortDirection;
import io.agentevents.domain.session.AgentStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A status asked again is answered from the session this node last read, without a store call,
 * while no signal says the session changed, and read again as soon as one does.
 */
class RememberedStatusTest {

    /** Signals the test raises, as a shared store's listener would. */
    private static final class Signals implements EventSignals {
        private final List<Listener> listeners = new CopyOnWriteArrayList<>();
        private volatile boolean delivering = true;

        @Override
        public void listen(Listener listener) {
            listeners.add(listener);
        }

        @Override
        public boolean delivering() {
            return delivering;
        }
    }

    private final InMemoryApplication app = new InMemoryApplication();
    private final Signals signals = new Signals();
    private final GetAgentStatusService status = new GetAgentStatusService(app.sessions, app.presence, app.schedules,
            FeedStamps.following(signals), app.clock, app.storeCalls);
    private AgentCaller agent;

    @BeforeEach
    void anAgentSeenAndFlushed() {
        agent = app.registeredAgentCaller();
        checkIn();
        awaited(app.flushPresence.flush());
    }

    private void checkIn() {
        app.poll(new ListAgentEventsQuery(agent, app.project, agent.agent(),
                new EventPageRequest(Optional.empty(), 100, SortDirection.ASC), newRequest()));
    }

    /** The agent's status as an observer reads it. */
    private AgentStatus read() {
        return awaited(status.status(new AgentQuery(app.observer, app.project, agent.agent())));
    }

    private int storeCallsFor(Runnable reads) {
        int before = app.storeCallCount.get();
        reads.run();
        return app.storeCallCount.get() - before;
    }

    /** What another node's flush does to the stored session: its later check-in. */
    private Instant checkedInElsewhere() {
        app.clock.advanceBy(Duration.ofSeconds(1));
        Instant at = app.clock.instant();
        app.sessions.update(app.project, agent.agent(), covered -> covered.session()
                .recordCheckIn(at, covered.projectActivation(), app.schedules));
        return at;
    }

    @Test
    void aStatusAskedAgain_isAnsweredWithoutAStoreCall_andTheSame() {
        AgentStatus[] answers = new AgentStatus[2];

        assertThat(storeCallsFor(() -> {
            answers[0] = read();
            answers[1] = read();
        })).isEqualTo(1);
        assertThat(answers[1]).isEqualTo(answers[0]);
        assertThat(answers[1].online()).isTrue();
    }

    @Test
    void anotherNodesPresenceFlush_isReadOnceItsSignalArrives() {
        read();
        Instant elsewhere = checkedInElsewhere();

        assertThat(read().lastHeartbeatAt()).as("not heard of yet").isNotEqualTo(Optional.of(elsewhere));
        signals.listeners.forEach(EventSignals.Listener::presenceWritten);
        assertThat(storeCallsFor(() -> assertThat(read().lastHeartbeatAt()).contains(elsewhere))).isEqualTo(1);
    }

    @Test
    void thisNodesCheckInNotYetWritten_showsOnARememberedSessionAtOnce() {
        read();
        app.clock.advanceBy(Duration.ofSeconds(2));
        checkIn();

        assertThat(storeCallsFor(() -> assertThat(read().lastHeartbeatAt()).contains(app.clock.instant())))
                .isZero();
    }

    @Test
    void aSignalOfTheAgentOrItsProject_orSignalsMissed_makeTheNextReadGoToTheStore() {
        ProjectId project = app.project;
        AgentId id = agent.agent();
        read();

        assertThat(storeCallsFor(() -> {
            signals.listeners.forEach(listener -> listener.appended(project, Optional.of(id)));
            read();
            read();
        })).as("an event of the agent").isEqualTo(1);
        assertThat(storeCallsFor(() -> {
            signals.listeners.forEach(listener -> listener.appended(project, Optional.empty()));
            read();
        })).as("a project-wide activation").isEqualTo(1);
        assertThat(storeCallsFor(() -> {
            signals.listeners.forEach(listener -> listener.appended(project, Optional.of(new AgentId(UUID.randomUUID()))));
            read();
        })).as("another agent's event").isZero();
        assertThat(storeCallsFor(() -> {
            signals.listeners.forEach(EventSignals.Listener::mayHaveMissedSome);
            read();
        })).as("signals lost").isEqualTo(1);
    }

    @Test
    void whileSignalsDoNotArrive_everyReadGoesToTheStore() {
        signals.delivering = false;

        assertThat(storeCallsFor(() -> {
            read();
            read();
        })).isEqualTo(2);
    }
}
