package io.agentevents.bootstrap;

import io.agentevents.adapter.postgres.TestDatabase;
import io.agentevents.bootstrap.config.AppConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The robustness suite on PostgreSQL, which refuses some text the JVM accepts, in a schema of its own. */
class PostgresMalformedRequestsTest extends MalformedRequestsScenarios {

    private static String schema;

    @BeforeAll
    static void createSchema() {
        schema = TestDatabase.newSchema(PostgresMalformedRequestsTest.class);
    }

    @AfterAll
    static void dropSchema() {
        TestDatabase.dropSchema(schema);
    }

    @Override
    protected AppConfig onStore(AppConfig config) {
        return config.withDatabase(TestDatabase.settings(schema));
    }

    @Override
    protected int defaultRequests() {
        return 5_000;
    }
}
