package io.agentevents.adapter.postgres;

import io.agentevents.adapter.postgres.settings.PostgresSettings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.agentevents.application.port.out.StoreUnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresStoreTest {

    private static String schema;

    @BeforeAll
    static void createSchema() {
        schema = TestDatabase.newSchema(PostgresStoreTest.class);
    }

    @AfterAll
    static void dropSchema() {
        TestDatabase.dropSchema(schema);
    }

    @Test
    void open_migratesTheSchema_andIsRepeatable() {
        try (PostgresStore store = PostgresStore.open(TestDatabase.settings(schema))) {
            List<String> tables = store.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = :schema ORDER BY table_name")
                    .bind("schema", schema).mapTo(String.class).list());
            assertThat(tables).contains("agents", "agent_sessions", "project_activations", "agent_tokens",
                    "idempotency_keys", "event_counters", "events");
        }
        try (PostgresStore again = PostgresStore.open(TestDatabase.settings(schema))) {
            assertThat(again.inTransaction(() -> 42)).isEqualTo(42);
        }
    }

    @Test
    void open_withNothingListening_failsFastAsUnavailable() {
        PostgresSettings nowhere = new PostgresSettings("jdbc:postgresql://127.0.0.1:1/none?user=postgres",
                Optional.empty(), Optional.empty(), Optional.empty(), 1, Duration.ofMillis(500));
        long started = System.nanoTime();

        assertThatThrownBy(() -> PostgresStore.open(nowhere)).isInstanceOf(StoreUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void settings_hideThePasswordAndCheckTheUrl() {
        assertThat(PostgresSettings.of("jdbc:postgresql://h/db?user=u&password=hunter2").toString()).doesNotContain("hunter2");
        assertThatThrownBy(() -> PostgresSettings.of("jdbc:mysql://h/db")).isInstanceOf(IllegalArgumentException.class);
    }
}
