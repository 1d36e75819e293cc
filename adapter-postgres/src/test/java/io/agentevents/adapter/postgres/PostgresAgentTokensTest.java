package io.agentevents.adapter.postgres;

import io.agentevents.application.port.out.access.AgentTokens;
import io.agentevents.application.port.out.AgentTokensContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresAgentTokensTest extends AgentTokensContract {

    private static SchemaStore database;

    @BeforeAll
    static void openDatabase() {
        database = new SchemaStore(PostgresAgentTokensTest.class);
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Override
    protected AgentTokens agentTokens() {
        return new PostgresAgentTokens(database.store());
    }
}
