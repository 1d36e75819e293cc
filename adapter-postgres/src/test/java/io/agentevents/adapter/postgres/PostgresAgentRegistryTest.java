package io.agentevents.adapter.postgres;

import io.agentevents.application.port.out.AgentRegistry;
import io.agentevents.application.port.out.AgentRegistryContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresAgentRegistryTest extends AgentRegistryContract {

    private static SchemaStore database;

    @BeforeAll
    static void openDatabase() {
        database = new SchemaStore(PostgresAgentRegistryTest.class);
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Override
    protected AgentRegistry registry() {
        return new PostgresAgentRegistry(database.store());
    }
}
