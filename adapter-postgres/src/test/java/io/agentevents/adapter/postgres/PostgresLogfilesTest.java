package io.agentevents.adapter.postgres;

import io.agentevents.application.port.out.Logfiles;
import io.agentevents.application.port.out.LogfilesContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresLogfilesTest extends LogfilesContract {

    private static SchemaStore database;

    @BeforeAll
    static void openDatabase() {
        database = new SchemaStore(PostgresLogfilesTest.class);
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Override
    protected Logfiles logfiles() {
        return new PostgresLogfiles(database.store());
    }
}
