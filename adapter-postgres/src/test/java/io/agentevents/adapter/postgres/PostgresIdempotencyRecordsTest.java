package io.agentevents.adapter.postgres;

import io.agentevents.application.port.out.IdempotencyRecords;
import io.agentevents.application.port.out.IdempotencyRecordsContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class PostgresIdempotencyRecordsTest extends IdempotencyRecordsContract {

    private static SchemaStore database;

    @BeforeAll
    static void openDatabase() {
        database = new SchemaStore(PostgresIdempotencyRecordsTest.class);
    }

    @AfterAll
    static void closeDatabase() {
        database.close();
    }

    @Override
    protected IdempotencyRecords idempotencyRecords() {
        return new PostgresIdempotencyRecords(database.store());
    }
}
