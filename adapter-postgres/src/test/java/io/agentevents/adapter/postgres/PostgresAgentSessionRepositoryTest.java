package io.agentevents.adapter.postgres;

import io.agentevents.application.port.out.AgentSessionRepository;
import io.agentevents.application.port.out.AgentSessionRepositoryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

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
}
