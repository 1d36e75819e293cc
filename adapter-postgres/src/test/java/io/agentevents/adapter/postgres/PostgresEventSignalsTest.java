package io.agentevents.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.application.port.out.EventSignals;
import io.agentevents.application.port.out.NewEvent;
import io.agentevents.domain.AgentId;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.activation.Mode;
import io.agentevents.domain.event.AgentStartedUp;
import io.agentevents.domain.event.HeartbeatRecorded;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Signals cross nodes: an append on one node's store wakes the listener of another. */
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
        BlockingQueue<Signal> received = new LinkedBlockingQueue<>();
        try (PostgresEventSignals signalsOnB = new PostgresEventSignals(nodeB)) {
            signalsOnB.listen(new EventSignals.Listener() {
                @Override
                public void appended(ProjectId project, Optional<AgentId> agent) {
                    received.add(new Signal(project, agent));
                }

                @Override
                public void mayHaveMissedSome() {
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!signalsOnB.isListening() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(signalsOnB.isListening()).as("node B listens").isTrue();
            PostgresEventLog logOnA = new PostgresEventLog(nodeA.store());
            ProjectId project = TestSessions.newProject();
            AgentId agent = TestSessions.newAgent();

            logOnA.append(project, List.of(new NewEvent(new HeartbeatRecorded(agent, false, TestSessions.T0), TestSessions.newRequest())));
            logOnA.append(project, List.of(NewEvent.of(TestSessions.projectActivation(Mode.ACTIVE, TestSessions.T0)),
                    new NewEvent(new AgentStartedUp(agent, TestSessions.T0), TestSessions.newRequest())));

            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(new Signal(project, Optional.empty()));
            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo(new Signal(project, Optional.of(agent)));
            assertThat(received.poll(300, TimeUnit.MILLISECONDS)).as("no signal for heartbeats").isNull();
        }
    }
}
