package io.agentevents.adapter.postgres;

import io.agentevents.application.port.out.EventLog;
import io.agentevents.application.port.out.EventLogContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresEventLogTest extends EventLogContract {

    private static SchemaStore database;

    @BeforeAll
    static void openDatabase() {
        database = new SchemaStore(PostgresEventLogTest.class);
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Override
    protected EventLog eventLog() {
        return new PostgresEventLog(database.store());
    }
}
