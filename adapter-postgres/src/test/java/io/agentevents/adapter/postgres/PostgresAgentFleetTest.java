package io.agentevents.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.application.port.out.AgentFleetContract;
import io.agentevents.application.port.out.access.PasswordHash;
import io.agentevents.domain.ProjectId;
import io.agentevents.domain.TestAgents;
import io.agentevents.domain.TestSessions;
import io.agentevents.domain.agent.RegisteredAgent;
import io.agentevents.domain.session.AgentSession;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresAgentFleetTest extends AgentFleetContract {

    private static SchemaStore database;

    @BeforeAll
    static void openDatabase() {
        database = new SchemaStore(PostgresAgentFleetTest.class);
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Override
    protected Store store() {
        PostgresStore store = database.store();
        return new Store(new PostgresAgentFleet(store), new PostgresAgentRegistry(store),
                new PostgresAgentSessionRepository(store), new PostgresProjectActivations(store));
    }

    @Test
    void aFleetOfManyAgents_isOneQuery() {
        ProjectId project = TestSessions.newProject();
        PostgresAgentRegistry registry = new PostgresAgentRegistry(database.store());
        PostgresAgentSessionRepository sessions = new PostgresAgentSessionRepository(database.store());
        for (int i = 0; i < 200; i++) {
            RegisteredAgent agent = TestAgents.agent(project, "web-" + i, TestSessions.T0.plusSeconds(i));
            registry.add(agent, new PasswordHash("h"));
            sessions.insert(AgentSession.start(project, agent.id()));
        }
        AtomicInteger statements = new AtomicInteger();
        database.store().jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                statements.incrementAndGet();
            }
        });
        try {
            assertThat(new PostgresAgentFleet(database.store()).list(project)).hasSize(200)
                    .allSatisfy(member -> assertThat(member.session()).isPresent());
        } finally {
            database.store().jdbi().setSqlLogger(SqlLogger.NOP_SQL_LOGGER);
        }

        assertThat(statements).hasValue(1);
    }
}
