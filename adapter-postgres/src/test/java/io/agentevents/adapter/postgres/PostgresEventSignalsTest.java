package io.agentevents.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.application.port.out.EventSignals;
import io.agentevents.application.port.out.NewEvent;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.activation.Activation;
import io.agentevents.domain.event.AgentShutDown;
import io.agentevents.domain.event.AgentStartedUp;
import io.agentevents.domain.event.StoredEvent;
import io.agentevents.domain.request.AgentRequested;
import io.agentevents.domain.request.RequestedWork;
import io.agentevents.domain.event.HeartbeatRecorded;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signals cross nodes: an append on one node's store wakes the listener of another. The node's
 * own appends reach its listener as they commit, before their callers hear of them.
 */
class PostgresEventSignalsTest {

    private static SchemaStore nodeA;
    private static PostgresStore nodeB;

    private record Signal(ProjectId project, Optional<AgentId> agent) {
    }

    @BeforeAll
    static void openTwoNodes() {
        nodeA = new SchemaStore(PostgresEventSignalsTest.class);
        nodeB = PostgresStore.open(TestDatabase.settings(nodeA.schema()));
    }

    @AfterAll
    static void closeNodes() {
        nodeB.close();
        nodeA.close();
    }

    @Test
    void appendOnOneNode_signalsTheOtherAfterCommit_withTheAgentConcerned() throws Exception {
        BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        try (PostgresEventSignals signalsOnB = new PostgresEventSignals(nodeB)) {
            signalsOnB.listen(new Queued(received, false));
            awaitListening(signalsOnB);
            PostgresEventLog logOnA = new PostgresEventLog(nodeA.store(), java.time.Clock.systemUTC());
            ProjectId project = TestSessions.newProject();
            AgentId agent = TestSessions.newAgent();

            logOnA.append(project, List.of(new NewEvent(new HeartbeatRecorded(agent, false, TestSessions.T0), TestSessions.newRequest())));
            logOnA.append(project, List.of(NewEvent.of(TestSessions.projectActivation(Mode.ACTIVE, TestSessions.T0)),
                    new NewEvent(new AgentStartedUp(agent, TestSessions.T0), TestSessions.newRequest())));

            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(new Signal(project, Optional.empty()));
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(new Signal(project, Optional.of(agent)));
            // Notifications arrive in commit order: once a later append's is here, none is still coming for the heartbeat.
            ProjectId marker = TestSessions.newProject();
            logOnA.append(marker, List.of(NewEvent.of(TestSessions.projectActivation(Mode.ACTIVE, TestSessions.T0))));
            assertThat(received.poll(5, TimeUnit.SECONDS)).as("no signal for heartbeats, the marker next")
                    .isEqualTo(new Signal(marker, Optional.empty()));
        }
    }

    /** Queues the signals (and, if asked, the growths) in the order they arrive. */
    private record Queued(BlockingQueue<Object> received, boolean withGrowths) implements EventSignals.Listener {

        @Override
        public void appended(ProjectId project, Optional<AgentId> agent) {
            received.add(new Signal(project, agent));
        }

        @Override
        public void grew(ProjectId project, AgentId agent, EventSignals.FeedGrowth growth) {
            if (withGrowths) {
                received.add(new Growth(project, agent, growth));
            }
        }

        @Override
        public void mayHaveMissedSome() {
        }
    }

    private static void awaitListening(PostgresEventSignals signals) throws Exception {
        signals.whenListening().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(signals.isListening()).as("listening").isTrue();
    }

    /** Collects signals as they come, on whatever thread raises them. */
    private static final class Collected implements EventSignals.Listener {
        final Set<Signal> signals = ConcurrentHashMap.newKeySet();
        private final Map<Signal, CompletableFuture<Void>> arrivals = new ConcurrentHashMap<>();

        @Override
        public void appended(ProjectId project, Optional<AgentId> agent) {
            Signal signal = new Signal(project, agent);
            signals.add(signal);
            arrivalOf(signal).complete(null);
        }

        /** Completes when the signal arrives (at once if it has). */
        CompletableFuture<Void> arrivalOf(Signal signal) {
            return arrivals.computeIfAbsent(signal, ignored -> new CompletableFuture<>());
        }

        @Override
        public void mayHaveMissedSome() {
        }
    }

    @Test
    void aPresenceFlush_isSignalledHereByItsCommit_andOnTheOtherNode() throws Exception {
        CompletableFuture<Void> here = new CompletableFuture<>();
        CompletableFuture<Void> there = new CompletableFuture<>();
        try (PostgresEventSignals signalsOnA = new PostgresEventSignals(nodeA.store());
             PostgresEventSignals signalsOnB = new PostgresEventSignals(nodeB)) {
            signalsOnA.listen(presenceWritten(here));
            signalsOnB.listen(presenceWritten(there));
            awaitListening(signalsOnB);
            PostgresAgentSessionRepository sessions = new PostgresAgentSessionRepository(nodeA.store());
            ProjectId project = TestSessions.newProject();
            AgentId agent = TestSessions.newAgent();
            sessions.insert(io.agentevents.domain.session.AgentSession.start(project, agent));

            nodeA.store().inTransaction(() -> sessions.updateAll(Map.of(
                    new io.agentevents.application.port.out.AgentSessionRepository.AgentKey(project, agent),
                    covered -> covered.session().recordCheckIn(TestSessions.T0, covered.projectActivation(),
                            io.agentevents.domain.activation.Schedules.defaults()))));

            assertThat(here).as("this node's own, by the time the flush returns").isDone();
            there.get(5, TimeUnit.SECONDS);
        }
    }

    private static EventSignals.Listener presenceWritten(CompletableFuture<Void> heard) {
        return new EventSignals.Listener() {
            @Override
            public void appended(ProjectId project, Optional<AgentId> agent) {
            }

            @Override
            public void presenceWritten() {
                heard.complete(null);
            }

            @Override
            public void mayHaveMissedSome() {
            }
        };
    }

    @Test
    void ownAppends_areSignalledHereBeforeTheirCallerHears_alone_andInACommitGroup() throws Exception {
        Collected collected = new Collected();
        PostgresEventLog log = new PostgresEventLog(nodeA.store(), java.time.Clock.systemUTC());
        try (PostgresEventSignals signals = new PostgresEventSignals(nodeA.store());
             GroupCommitTransactions transactions = new GroupCommitTransactions(nodeA.store())) {
            signals.listen(collected);
            AgentId agent = TestSessions.newAgent();

            ProjectId alone = TestSessions.newProject();
            log.append(alone, List.of(new NewEvent(new AgentStartedUp(agent, TestSessions.T0), TestSessions.newRequest())));
            assertThat(collected.signals).as("signalled before the append returned").contains(new Signal(alone, Optional.of(agent)));

            List<ProjectId> projects = new ArrayList<>();
            List<CompletableFuture<Boolean>> signalledFirst = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                ProjectId project = TestSessions.newProject();
                projects.add(project);
                signalledFirst.add(transactions.inSharedTransaction(project, () -> log.append(project,
                                List.of(NewEvent.of(TestSessions.projectActivation(Mode.ACTIVE, TestSessions.T0))))).toCompletableFuture()
                        .thenApply(stored -> collected.signals.contains(new Signal(project, Optional.empty()))));
            }
            for (int i = 0; i < projects.size(); i++) {
                assertThat(signalledFirst.get(i).get(10, TimeUnit.SECONDS)).as("append %d signalled before it completed", i)
                        .isTrue();
            }
            assertThat(transactions.commits()).as("some appends shared a commit").isLessThan(projects.size());
        }
    }

    @Test
    void anAppendRolledBack_isSignalledNowhere() throws Exception {
        Collected here = new Collected();
        Collected elsewhere = new Collected();
        PostgresEventLog log = new PostgresEventLog(nodeA.store(), java.time.Clock.systemUTC());
        try (PostgresEventSignals signalsOnA = new PostgresEventSignals(nodeA.store());
             PostgresEventSignals signalsOnB = new PostgresEventSignals(nodeB)) {
            signalsOnA.listen(here);
            signalsOnB.listen(elsewhere);
            awaitListening(signalsOnB);
            ProjectId project = TestSessions.newProject();

            assertThatThrownBy(() -> nodeA.store().inTransaction(() -> {
                log.append(project, List.of(NewEvent.of(TestSessions.projectActivation(Mode.ACTIVE, TestSessions.T0))));
                throw new IllegalStateException("rolled back");
            })).hasMessage("rolled back");
            ProjectId marker = TestSessions.newProject();
            log.append(marker, List.of(NewEvent.of(TestSessions.projectActivation(Mode.ACTIVE, TestSessions.T0))));

            // Own appends are signalled at commit, before append returns; others' arrive in commit order.
            assertThat(here.signals).contains(new Signal(marker, Optional.empty()))
                    .noneMatch(signal -> signal.project().equals(project));
            elsewhere.arrivalOf(new Signal(marker, Optional.empty())).get(10, TimeUnit.SECONDS);
            assertThat(elsewhere.signals).contains(new Signal(marker, Optional.empty()))
                    .noneMatch(signal -> signal.project().equals(project));
        }
    }

    private record Growth(ProjectId project, AgentId agent, EventSignals.FeedGrowth growth) {
    }

    @Test
    void whatGrewInAnAgentsFeed_reachesTheOtherNode_afterTheFeedsLastIdBeforeIt_andBeforeItsPlainSignal()
            throws Exception {
        BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        try (PostgresEventSignals signalsOnB = new PostgresEventSignals(nodeB)) {
            signalsOnB.listen(new Queued(received, true));
            awaitListening(signalsOnB);
            PostgresEventLog logOnA = new PostgresEventLog(nodeA.store(), java.time.Clock.systemUTC());
            ProjectId project = TestSessions.newProject();
            AgentId agent = TestSessions.newAgent();

            List<StoredEvent> started = logOnA.append(project,
                    List.of(new NewEvent(new AgentStartedUp(agent, TestSessions.T0), TestSessions.newRequest())));
            assertThat(received.poll(5, TimeUnit.SECONDS))
                    .isEqualTo(new Growth(project, agent, new EventSignals.FeedGrowth(0, started)));
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(new Signal(project, Optional.of(agent)));

            logOnA.append(project, List.of(new NewEvent(new HeartbeatRecorded(agent, true, TestSessions.T0), TestSessions.newRequest())));
            List<StoredEvent> wholeProject = logOnA.append(project,
                    List.of(NewEvent.of(TestSessions.projectActivation(Mode.ACTIVE, TestSessions.T0))));
            assertThat(received.poll(5, TimeUnit.SECONDS)).as("a project activation alone is for the shared read")
                    .isEqualTo(new Signal(project, Optional.empty()));
            Activation own = TestSessions.agentActivation(agent, Mode.REAL_TIME, TestSessions.T0);
            List<StoredEvent> activated = logOnA.append(project, List.of(NewEvent.of(own)));
            assertThat(received.poll(5, TimeUnit.SECONDS)).as("the project's activation came last before it")
                    .isEqualTo(new Growth(project, agent,
                            new EventSignals.FeedGrowth(wholeProject.get(0).id().value(), activated)));
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(new Signal(project, Optional.of(agent)));

            AgentRequested browse = new AgentRequested(agent, TestSessions.newRequest(),
                    new RequestedWork.BrowseHost("/etc", Optional.empty()), TestSessions.T0);
            logOnA.append(project, List.of(new NewEvent(browse, browse.request())));
            assertThat(received.poll(5, TimeUnit.SECONDS)).as("what a request asks is not carried")
                    .isEqualTo(new Signal(project, Optional.of(agent)));
            logOnA.append(project, List.of(new NewEvent(new AgentShutDown(agent, TestSessions.T0.plusNanos(1)),
                    TestSessions.newRequest())));
            assertThat(received.poll(5, TimeUnit.SECONDS)).as("nor a time the database would round")
                    .isEqualTo(new Signal(project, Optional.of(agent)));
        }
    }

    @Test
    void aListenerThatFails_leavesTheOthersTold_andTheListenerListening() throws Exception {
        Collected collected = new Collected();
        try (PostgresEventSignals signalsOnB = new PostgresEventSignals(nodeB)) {
            signalsOnB.listen(new EventSignals.Listener() {
                @Override
                public void appended(ProjectId project, Optional<AgentId> agent) {
                    throw new IllegalStateException("a listener's own failure");
                }

                @Override
                public void grew(ProjectId project, AgentId agent, EventSignals.FeedGrowth growth) {
                    throw new IllegalStateException("a listener's own failure");
                }

                @Override
                public void mayHaveMissedSome() {
                }
            });
            signalsOnB.listen(collected);
            awaitListening(signalsOnB);
            PostgresEventLog logOnA = new PostgresEventLog(nodeA.store(), java.time.Clock.systemUTC());
            ProjectId first = TestSessions.newProject();
            ProjectId second = TestSessions.newProject();
            AgentId agent = TestSessions.newAgent();

            logOnA.append(first, List.of(new NewEvent(new AgentStartedUp(agent, TestSessions.T0), TestSessions.newRequest())));
            logOnA.append(second, List.of(new NewEvent(new AgentStartedUp(agent, TestSessions.T0), TestSessions.newRequest())));

            collected.arrivalOf(new Signal(first, Optional.of(agent))).get(10, TimeUnit.SECONDS);
            collected.arrivalOf(new Signal(second, Optional.of(agent))).get(10, TimeUnit.SECONDS);
            assertThat(signalsOnB.isListening()).isTrue();
        }
    }
}
