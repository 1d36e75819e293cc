package io.agentevents.adapter.postgres;

import io.agentevents.application.port.out.AgentRequests;
import io.agentevents.application.port.out.AgentRequestsContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresAgentRequestsTest extends AgentRequestsContract {

    private static SchemaStore database;

    @BeforeAll
    static void openDatabase() {
        database = new SchemaStore(PostgresAgentRequestsTest.class);
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Override
    protected AgentRequests agentRequests() {
        return new PostgresAgentRequests(database.store());
    }
}
