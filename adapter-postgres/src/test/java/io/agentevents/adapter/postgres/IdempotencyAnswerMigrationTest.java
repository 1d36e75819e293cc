package io.agentevents.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentevents.application.port.out.IdempotencyRecords;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A database from before the kept answer was one text: its answered keys still replay what
 * they answered, and a key still being carried out stays so.
 */
class IdempotencyAnswerMigrationTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static String schema;

    @BeforeAll
    static void createSchemaAtVersion5() {
        schema = TestDatabase.newSchema(IdempotencyAnswerMigrationTest.class);
        Flyway.configure().dataSource(TestDatabase.URL, null, null).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration").target("5").load().migrate();
        Jdbi.create(TestDatabase.URL).useHandle(handle -> {
            handle.execute("SET search_path TO " + schema);
            handle.execute("""
                    INSERT INTO idempotency_keys (scoped_key, request_fingerprint, status, location, body, expires_at)
                    VALUES ('p/users created', 'f1', 201, 'https://backup.example.com/v2/p/agents/a', '{"id":"a"}',
                            '2026-01-02T12:00:00Z'),
                           ('p/users accepted', 'f2', 202, NULL, '', '2026-01-02T12:00:00Z'),
                           ('p/users running', 'f3', NULL, NULL, NULL, '2026-01-02T12:00:00Z')""");
        });
    }

    @AfterAll
    static void dropSchema() {
        TestDatabase.dropSchema(schema);
    }

    @Test
    void migration_keepsEveryAnswer_asOneText() {
        try (PostgresStore store = PostgresStore.open(TestDatabase.settings(schema))) {
            PostgresIdempotencyRecords records = new PostgresIdempotencyRecords(store);

            assertThat(fieldsOf(answerOf(records, "p/users created", "f1")))
                    .containsExactly("201", "https://backup.example.com/v2/p/agents/a", "{\"id\":\"a\"}");
            assertThat(fieldsOf(answerOf(records, "p/users accepted", "f2"))).containsExactly("202", null, "");
            assertThat(records.claim("p/users running", "f3", NOW, NOW.plusSeconds(60)).orElseThrow().answer())
                    .as("still being carried out").isEmpty();
        }
    }

    private static String answerOf(IdempotencyRecords records, String key, String fingerprint) {
        Optional<IdempotencyRecords.Entry> entry = records.claim(key, fingerprint, NOW, NOW.plusSeconds(60));
        return entry.orElseThrow().answer().orElseThrow();
    }

    /** The status, location and body of a kept answer, read as the HTTP adapter reads them. */
    private static List<String> fieldsOf(String answer) {
        return Jdbi.create(TestDatabase.URL).withHandle(handle -> handle.createQuery("""
                        SELECT CAST(:answer AS json) ->> 'status' AS status, CAST(:answer AS json) ->> 'location' AS location,
                               CAST(:answer AS json) ->> 'body' AS body""")
                .bind("answer", answer)
                .map((row, context) -> Arrays.asList(row.getString("status"), row.getString("location"),
                        row.getString("body")))
                .one());
    }
}
