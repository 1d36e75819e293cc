package io.agentevents.bootstrap;

import io.agentevents.adapter.postgres.TestDatabase;
import io.agentevents.bootstrap.config.AppConfig;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The scenarios on PostgreSQL, in a schema of this class's own. */
class AgentEventsEndToEndTest extends EndToEndScenarios {

    private static String schema;

    @BeforeAll
    static void createSchema() {
        schema = TestDatabase.newSchema(AgentEventsEndToEndTest.class);
    }

    @AfterAll
    static void dropSchema() {
        TestDatabase.dropSchema(schema);
    }

    @Override
    protected List<String> storeMeters() {
        return List.of("hikaricp_connections_active", "hikaricp_connections_pending", "hikaricp_connections_acquire_seconds");
    }

    @Override
    protected AppConfig onStore(AppConfig config) {
        return config.withDatabase(TestDatabase.settings(schema));
    }

    @Override
    protected boolean remembersAnswers() {
        return true;
    }
}
