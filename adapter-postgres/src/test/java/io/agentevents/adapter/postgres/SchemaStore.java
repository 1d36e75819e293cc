package io.agentevents.adapter.postgres;

/** A migrated store in a fresh schema of the test database, for one test class. */
final class SchemaStore implements AutoCloseable {

    private final String schema;
    private final PostgresStore store;

    SchemaStore(Class<?> testClass) {
        schema = TestDatabase.newSchema(testClass);
        store = PostgresStore.open(TestDatabase.settings(schema));
    }

    PostgresStore store() {
        return store;
    }

    String schema() {
        return schema;
    }

    @Override
    public void close() {
        store.close();
        TestDatabase.dropSchema(schema);
    }
}
