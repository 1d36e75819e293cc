package io.agentevents.adapter.postgres;

import io.agentevents.adapter.postgres.settings.PostgresSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * The PostgreSQL server the tests use: {@code TEST_DATABASE_URL}, by default the local one CI
 * starts. Each test class works in a schema of its own, dropped afterwards. An absent server
 * fails the test with a message saying so; it is never skipped.
 */
public final class TestDatabase {

    public static final String URL = System.getenv().getOrDefault("TEST_DATABASE_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private TestDatabase() {
    }

    /** Creates a fresh schema named after the test class. */
    public static String newSchema(Class<?> testClass) {
        String schema = ("t_" + testClass.getSimpleName() + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT);
        execute("CREATE SCHEMA " + schema);
        return schema;
    }

    public static void dropSchema(String schema) {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    /** The URL with the schema as the connection's current schema, for a process given only a URL. */
    public static String urlWithSchema(String schema) {
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static PostgresSettings settings(String schema) {
        return PostgresSettings.of(URL).withSchema(schema);
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(URL); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException unreachable) {
            throw new AssertionError("PostgreSQL is needed for this test and is not reachable at " + URL
                    + " (" + unreachable.getMessage() + "). Start it (pg_ctlcluster <version> main start) "
                    + "or point TEST_DATABASE_URL at a server.", unreachable);
        }
    }
}
