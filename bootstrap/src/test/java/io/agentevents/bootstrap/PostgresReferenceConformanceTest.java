package io.agentevents.bootstrap;

import io.agentevents.adapter.postgres.TestDatabase;
import io.agentevents.bootstrap.config.AppConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The reference's examples on PostgreSQL, in a schema of this class's own. */
class PostgresReferenceConformanceTest extends ReferenceConformanceScenarios {

    private static String schema;

    @BeforeAll
    static void createSchema() {
        schema = TestDatabase.newSchema(PostgresReferenceConformanceTest.class);
    }

    @AfterAll
    static void dropSchema() {
        TestDatabase.dropSchema(schema);
    }

    @Override
    protected AppConfig onStore(AppConfig config) {
        return config.withDatabase(TestDatabase.settings(schema));
    }
}
