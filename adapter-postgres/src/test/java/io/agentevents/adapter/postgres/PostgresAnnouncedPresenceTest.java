package io.agentevents.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.application.port.out.AgentSessionRepository.AgentKey;
import io.agentevents.application.port.out.AnnouncedPresenceContract;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.activation.Schedules;
import io.agentevents.domain.session.AgentSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresAnnouncedPresenceTest extends AnnouncedPresenceContract {

    private static SchemaStore database;
    /** A second node on the same schema: its own pool, its own connections. */
    private static PostgresStore otherNode;

    @BeforeAll
    static void openDatabase() {
        database = new SchemaStore(PostgresAnnouncedPresenceTest.class);
        otherNode = PostgresStore.open(TestDatabase.settings(database.schema()));
    }

    @AfterAll
    static void closeDatabase() {
        otherNode.close();
        database.close();
    }

    @Override
    protected Store store() {
        PostgresStore store = database.store();
        return new Store(new PostgresAnnouncedPresence(store), new PostgresAgentSessionRepository(store),
                new PostgresProjectActivations(store));
    }

    @Test
    void twoNodesMarkingOneAgentOfflineAtOnce_onlyOneOfThemDoes() throws Exception {
        ProjectId project = TestSessions.newProject();
        PostgresAgentSessionRepository sessions = new PostgresAgentSessionRepository(database.store());
        PostgresAnnouncedPresence here = new PostgresAnnouncedPresence(database.store());
        PostgresAnnouncedPresence there = new PostgresAnnouncedPresence(otherNode);
        List<AgentKey> agents = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            AgentKey agent = new AgentKey(project, TestSessions.newAgent());
            sessions.insert(AgentSession.start(project, agent.agent()));
            sessions.update(project, agent.agent(), covered -> covered.session()
                    .recordCheckIn(TestSessions.T0, covered.projectActivation(), Schedules.defaults()));
            agents.add(agent);
        }
        here.markOnline(agents);
        Optional<Instant> seen = Optional.of(TestSessions.T0);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            for (AgentKey agent : agents) {
                CyclicBarrier together = new CyclicBarrier(2);
                CompletableFuture<Boolean> fromHere = CompletableFuture.supplyAsync(() -> database.store().inTransaction(
                        () -> await(together) && here.markOffline(agent, seen)), nodes);
                CompletableFuture<Boolean> fromThere = CompletableFuture.supplyAsync(() -> otherNode.inTransaction(
                        () -> await(together) && there.markOffline(agent, seen)), nodes);

                assertThat(List.of(fromHere.get(), fromThere.get())).as(agent.toString()).containsOnlyOnce(true);
            }
        } finally {
            nodes.shutdownNow();
        }
    }

    private static boolean await(CyclicBarrier barrier) {
        try {
            barrier.await();
            return true;
        } catch (Exception interrupted) {
            throw new IllegalStateException(interrupted);
        }
    }
}
